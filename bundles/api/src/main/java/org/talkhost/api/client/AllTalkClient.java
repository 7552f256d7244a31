package org.talkhost.api.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.talkhost.api.config.ServerAddress;

/**
 * One API over AllTalk v1, v2 and the stand-in, with timeouts on every call and retries where a
 * retry is safe. Calls go to the current {@link #target()}; failures are {@link AllTalkException}s
 * whose message is meant for people.
 */
@ProviderType
public interface AllTalkClient {

    /** Where calls go: set by whoever adopted or started AllTalk; else from the configuration. */
    ServerAddress target();

    /** Points the client at another server; the kind is found again on the next call that needs it. */
    void target(ServerAddress address);

    /** {@code GET /api/ready} within the health timeout, no retry. */
    ReadyAnswer ready();

    /** {@code GET /api/ready} within {@code timeout}, no retry. */
    ReadyAnswer ready(Duration timeout);

    /** {@code /api/currentsettings}; also tells v1, v2 and the stand-in apart. */
    ServerSettings settings();

    List<String> voices();

    /** Generates a WAV on the server (long timeout, never retried). */
    GenerateResult generate(GenerateRequest request);

    /** Downloads a generated file (bytes of a WAV). */
    byte[] download(URI url);

    /** Streams speech as it is produced. */
    AudioStream stream(GenerateRequest request);

    /** {@code /v1/audio/speech} where the server has it (v2); audio bytes in the asked format. */
    byte[] speech(SpeechRequest request);

    /** Loads another engine or model. */
    void reload(String engine);

    /** Asks AllTalk to stop the generation in progress. */
    void stopGeneration();

    /** Number of generations (or streams) now in flight through this client: AllTalk answers nothing meanwhile. */
    int inFlight();
}
