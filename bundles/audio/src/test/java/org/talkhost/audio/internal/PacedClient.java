package org.talkhost.audio.internal;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.talkhost.api.client.AudioStream;
import org.talkhost.api.client.GenerateRequest;
import org.talkhost.api.client.GenerateResult;
import org.talkhost.api.client.ReadyAnswer;
import org.talkhost.api.client.ServerSettings;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.common.testing.UnsupportedClient;

/**
 * A fake AllTalk that takes as long as a real one: speech of {@code seconds} made in chunks of
 * {@code chunkSeconds} of 24 kHz PCM, each chunk taking {@code chunkMillis} to generate. Streaming
 * hands each chunk out when it is "generated"; a whole file is ready when the last one is.
 */
final class PacedClient extends UnsupportedClient {
    private final double seconds;
    private final double chunkSeconds;
    private final long chunkMillis;

    PacedClient(double seconds, double chunkSeconds, long chunkMillis) {
        this.seconds = seconds;
        this.chunkSeconds = chunkSeconds;
        this.chunkMillis = chunkMillis;
    }

    int chunks() {
        return (int) Math.ceil(seconds / chunkSeconds);
    }

    @Override
    public AudioStream stream(GenerateRequest request) {
        long start = System.nanoTime();
        byte[] pcm = TestAudio.sine(seconds, 0.5);
        int chunkBytes = (int) (chunkSeconds * TestAudio.RATE) * 2;
        InputStream in = new InputStream() {
            private int pos;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= pcm.length) {
                    return -1;
                }
                int chunk = pos / chunkBytes;
                waitUntil(start + (chunk + 1) * chunkMillis * 1_000_000L);
                int n = Math.min(len, Math.min(pcm.length, (chunk + 1) * chunkBytes) - pos);
                System.arraycopy(pcm, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        return new AudioStream() {
            @Override
            public int sampleRate() {
                return TestAudio.RATE;
            }

            @Override
            public InputStream pcm() {
                return in;
            }

            @Override
            public void cancel() {
                // the bench never cancels
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    @Override
    public GenerateResult generate(GenerateRequest request) {
        long start = System.nanoTime();
        waitUntil(start + chunks() * chunkMillis * 1_000_000L);
        return new GenerateResult(
                URI.create("http://127.0.0.1:7851/audio/bench.wav"),
                null,
                "outputs/bench.wav",
                Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public byte[] download(URI url) {
        return TestAudio.wav(TestAudio.sine(seconds, 0.5));
    }

    private static void waitUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }

    @Override
    public ServerSettings settings() {
        return new ServerSettings(ServerKind.STANDIN, ServerKind.V2, "bench", List.of("bench"), true, false, Map.of());
    }

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
    public List<String> voices() {
        return List.of();
    }

    @Override
    public void stopGeneration() {
        // the bench never stops
    }

    @Override
    public int inFlight() {
        return 0;
    }
}
