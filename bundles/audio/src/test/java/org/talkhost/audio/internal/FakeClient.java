package org.talkhost.audio.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.talkhost.api.client.AudioStream;
import org.talkhost.api.client.GenerateRequest;
import org.talkhost.api.client.GenerateResult;
import org.talkhost.api.client.ReadyAnswer;
import org.talkhost.api.client.ServerSettings;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.common.testing.UnsupportedClient;

/**
 * An AllTalk client that answers from memory: generate makes {@link #wav} available for download, or
 * blocks until released (a slow generation); stream hands out {@link #stream}.
 */
class FakeClient extends UnsupportedClient {
    volatile byte[] wav = TestAudio.wav(TestAudio.sine(1.0, 0.5));
    volatile boolean streamingCapable;
    volatile ServerKind flavour = ServerKind.V2;
    volatile Supplier<AudioStream> stream = () -> {
        throw new AssertionError("stream() not expected");
    };
    /** When set, generate waits for it (or for stopGeneration) before answering. */
    volatile CountDownLatch generateGate;
    /** When set, generate throws it. */
    volatile RuntimeException generateFailure;

    final AtomicInteger settingsCalls = new AtomicInteger();
    final AtomicInteger generateCalls = new AtomicInteger();
    final AtomicInteger streamCalls = new AtomicInteger();
    final AtomicInteger stopCalls = new AtomicInteger();
    final CountDownLatch generating = new CountDownLatch(1);

    @Override
    public ServerAddress target() {
        return new ServerAddress("127.0.0.1", 7851);
    }

    @Override
    public ReadyAnswer ready() {
        return new ReadyAnswer(true, "Ready", Duration.ZERO);
    }

    @Override
    public ReadyAnswer ready(Duration timeout) {
        return ready();
    }

    @Override
    public ServerSettings settings() {
        settingsCalls.incrementAndGet();
        return new ServerSettings(
                ServerKind.STANDIN, flavour, "xtts", List.of("xtts"), streamingCapable, false, Map.of());
    }

    @Override
    public List<String> voices() {
        return List.of("female_01.wav");
    }

    @Override
    public GenerateResult generate(GenerateRequest request) {
        generateCalls.incrementAndGet();
        generating.countDown();
        RuntimeException failure = generateFailure;
        if (failure != null) {
            throw failure;
        }
        CountDownLatch gate = generateGate;
        if (gate != null) {
            try {
                if (!gate.await(20, TimeUnit.SECONDS)) {
                    throw new AssertionError("generation was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new GenerateResult(
                URI.create("http://127.0.0.1:7851/audio/x.wav"), null, "outputs/x.wav", Duration.ofMillis(5));
    }

    @Override
    public byte[] download(URI url) {
        return wav;
    }

    @Override
    public AudioStream stream(GenerateRequest request) {
        streamCalls.incrementAndGet();
        return stream.get();
    }

    @Override
    public void stopGeneration() {
        stopCalls.incrementAndGet();
        CountDownLatch gate = generateGate;
        if (gate != null) {
            gate.countDown();
        }
    }

    @Override
    public int inFlight() {
        return 0;
    }
}
