package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.talkhost.standin.Bodies.json;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /api/tts-generate-streaming: AllTalk's chunked WAV stream, sent as it is made, stoppable. */
class StreamingTest {

    private static final String PATH = "/api/tts-generate-streaming?text=Hello%20world.%20Second%20sentence%20here."
            + "&voice=female_01.wav&language=en&output_file=s";

    @TempDir
    Path dir;

    Running server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void streamIsChunkedWavWithZeroSizesThenRawPcmAt24kHz(String flavor) throws Exception {
        server = Running.start(dir, flavor, "--no-espeak");
        HttpResponse<byte[]> r = server.get(PATH);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Bodies.contentType(r)).isEqualTo("audio/wav");
        assertThat(r.headers().firstValue("transfer-encoding")).hasValue("chunked");
        byte[] body = r.body();
        ByteBuffer header = ByteBuffer.wrap(body, 0, 44).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(body, 0, 4)).isEqualTo("RIFF");
        assertThat(header.getInt(4))
                .as("RIFF size: Python's wave module writes 36 for zero frames")
                .isEqualTo(36);
        assertThat(new String(body, 8, 8)).isEqualTo("WAVEfmt ");
        assertThat(header.getInt(24)).isEqualTo(24000);
        assertThat(new String(body, 36, 4)).isEqualTo("data");
        assertThat(header.getInt(40)).as("data size").isZero();

        Audio.Decoded audio = Audio.decode(Audio.patchSizes(body));
        AudioFormat f = audio.format();
        assertThat(f.getSampleRate()).isEqualTo(24000f);
        assertThat(f.getSampleSizeInBits()).isEqualTo(16);
        assertThat(f.getChannels()).isEqualTo(1);
        assertThat(f.isBigEndian()).isFalse();
        assertThat(audio.seconds()).isGreaterThan(1.0);
        assertThat(audio.rms()).isGreaterThan(0.01);
    }

    @Test
    void firstSentenceArrivesBeforeTheWholeTextIsDone() throws Exception {
        server = Running.start(dir, "v1", "--no-espeak", "--generate-seconds", "1.2");
        Collector stream = Collector.open(server, PATH);
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.size() > 44);
        assertThat(stream.finished)
                .as("stream still running when the first audio came")
                .isFalse();
        await().atMost(Duration.ofSeconds(10)).untilTrue(stream.finished);
        assertThat(stream.size()).isGreaterThan(44 + 24000);
    }

    @Test
    void stopGenerationEndsARunningStreamEarlyEvenWhileTheServerIsSingleThreaded() throws Exception {
        server = Running.start(dir, "v2", "--no-espeak", "--generate-seconds", "60");
        Collector stream = Collector.open(server, PATH);
        await().atMost(Duration.ofSeconds(5)).until(() -> stream.size() >= 44);
        HttpResponse<byte[]> stop = server.send("PUT", "/api/stop-generation");
        assertThat(json(stop)).containsEntry("message", "Cancelling current TTS generation");
        await().atMost(Duration.ofSeconds(5)).untilTrue(stream.finished);
        assertThat(stream.size()).as("nothing after the header").isEqualTo(44);
    }

    @Test
    void missingQueryParametersAre422() throws Exception {
        server = Running.start(dir, "v1", "--no-espeak");
        HttpResponse<byte[]> r = server.get("/api/tts-generate-streaming?text=Hi&language=en&output_file=x");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Bodies.detail(r)).extracting(e -> e.get("loc")).containsExactly(List.of("query", "voice"));
    }

    @Test
    void postVariantWritesTheFileInstead() throws Exception {
        server = Running.start(dir, "v1", "--no-espeak");
        HttpResponse<byte[]> r = server.postForm(
                "/api/tts-generate-streaming",
                Map.of("text", "Hi there.", "voice", "male_01.wav", "language", "en", "output_file", "p.wav"));
        assertThat(json(r)).containsEntry("output_file_path", "p.wav");
        assertThat(dir.resolve("outputs/p.wav")).isRegularFile();
    }

    /** Reads a stream in the background, remembering how much arrived and whether it ended. */
    static final class Collector {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicBoolean finished = new AtomicBoolean();

        static Collector open(Running server, String path) throws Exception {
            Collector c = new Collector();
            HttpResponse<InputStream> r = server.client()
                    .send(HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofInputStream());
            CompletableFuture.runAsync(() -> c.drain(r.body()));
            return c;
        }

        private void drain(InputStream in) {
            byte[] buffer = new byte[4096];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (bytes) {
                        bytes.write(buffer, 0, n);
                    }
                }
            } catch (Exception e) {
                // the test looks at what arrived
            } finally {
                finished.set(true);
            }
        }

        int size() {
            synchronized (bytes) {
                return bytes.size();
            }
        }
    }
}
