package org.talkhost.health.internal;

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

/** The parts of {@link AllTalkClient} the health bundle never uses; test clients extend it. */
abstract class ClientStub implements AllTalkClient {

    @Override
    public ReadyAnswer ready() {
        return ready(Duration.ofMillis(1500));
    }

    @Override
    public ServerAddress target() {
        return new ServerAddress("127.0.0.1", 7851);
    }

    @Override
    public void target(ServerAddress address) {
    }

    @Override
    public int inFlight() {
        return 0;
    }

    @Override
    public GenerateResult generate(GenerateRequest request) {
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
    }
}
