package org.talkhost.common.testing;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.client.AudioStream;
import org.talkhost.api.client.GenerateRequest;
import org.talkhost.api.client.GenerateResult;
import org.talkhost.api.client.ReadyAnswer;
import org.talkhost.api.client.ServerSettings;
import org.talkhost.api.client.SpeechRequest;
import org.talkhost.api.config.ServerAddress;

/**
 * For tests: an AllTalkClient whose every call fails with UnsupportedOperationException, so a fake
 * overrides only the calls its test expects (an unexpected call shows up as a failure).
 */
public abstract class UnsupportedClient implements AllTalkClient {

    @Override
    public ServerAddress target() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void target(ServerAddress address) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ReadyAnswer ready() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ReadyAnswer ready(Duration timeout) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ServerSettings settings() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> voices() {
        throw new UnsupportedOperationException();
    }

    @Override
    public GenerateResult generate(GenerateRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] download(URI url) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AudioStream stream(GenerateRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] speech(SpeechRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void reload(String engine) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void stopGeneration() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int inFlight() {
        throw new UnsupportedOperationException();
    }
}
