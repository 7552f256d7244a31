package org.talkhost.connection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.talkhost.api.client.AudioStream;
import org.talkhost.api.client.GenerateRequest;
import org.talkhost.api.client.RejectedInputException;
import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.config.ServerAddress;

/** The client against answer shapes set by hand: what the stand-in does not (or not always) send. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AllTalkClientShapesTest {
    private static final String V1_SETTINGS = "{\"models_available\":[{\"name\":\"Coqui\",\"model_name\":\"API TTS\"}],"
            + "\"current_model_loaded\":\"API TTS\",\"deepspeed_status\":false,\"low_vram_status\":\"false\"}";
    private static final String V2_SETTINGS = "{\"engines_available\":[\"piper\"],\"current_engine_loaded\":\"piper\"}";

    private final TestClients clients = new TestClients();

    @AfterEach
    void stop() {
        clients.stopAll();
    }

    @Test
    void theKindIsFoundOncePerTargetAndAgainAfterAChange() throws Exception {
        try (FakeServer a = v2Server();
                FakeServer b = v2Server()) {
            AllTalkClientImpl client = clients.on(a.port());
            client.generate(GenerateRequest.of("One"));
            client.generate(GenerateRequest.of("Two"));
            assertThat(a.requests)
                    .filteredOn(r -> r.startsWith("GET /api/currentsettings"))
                    .hasSize(1);
            client.target(new ServerAddress("127.0.0.1", b.port()));
            assertThat(client.target().port()).isEqualTo(b.port());
            client.generate(GenerateRequest.of("Three"));
            assertThat(b.requests)
                    .filteredOn(r -> r.startsWith("GET /api/currentsettings"))
                    .hasSize(1);
            assertThat(clients.log.lines)
                    .contains("INFO TalkHost now talks to AllTalk on 127.0.0.1:" + b.port() + " (was 127.0.0.1:"
                            + a.port() + ")");
            client.target(null);
            assertThat(client.target().port()).isEqualTo(a.port());
        }
    }

    @Test
    void theKindIsFoundAgainAfterTheConnectionFailed() throws Exception {
        FakeServer first = v2Server();
        int port = first.port();
        AllTalkClientImpl client = clients.on(port, "retryAttempts", 5);
        client.generate(GenerateRequest.of("One"));
        first.close();
        assertThatThrownBy(() -> client.generate(GenerateRequest.of("Two")))
                .isInstanceOf(org.talkhost.api.client.UnavailableException.class);
        try (FakeServer again = new FakeServer(port)
                .json("GET /api/currentsettings", 200, V1_SETTINGS)
                .json(
                        "POST /api/tts-generate",
                        200,
                        "{\"status\":\"generate-success\",\"output_file_url\":" + "\"http://127.0.0.1:" + port
                                + "/audio/x.wav\"}")) {
            client.generate(GenerateRequest.of("Three"));
            assertThat(again.requests)
                    .filteredOn(r -> r.startsWith("POST"))
                    .singleElement()
                    .asString()
                    .contains("character_voice_gen=female_01.wav");
            assertThat(clients.log.lines)
                    .anyMatch(l -> l.startsWith("INFO AllTalk on 127.0.0.1:" + port + " answers again after"));
        }
    }

    @Test
    void v1GenerateSendsEveryFieldAndJoinsItsAbsoluteUrl() throws Exception {
        try (FakeServer server = new FakeServer()) {
            server.json("GET /api/currentsettings", 200, V1_SETTINGS)
                    .json(
                            "POST /api/tts-generate",
                            200,
                            "{\"status\":\"generate-success\",\"output_file_path\":\"/x/outputs/t.wav\",\"output_file_url\":"
                                    + "\"http://127.0.0.1:" + server.port() + "/audio/t.wav\",\"output_cache_url\":"
                                    + "\"http://127.0.0.1:" + server.port() + "/audiocache/t.wav\"}");
            AllTalkClientImpl client = clients.on(server.port());
            var r = client.generate(GenerateRequest.of("Hello"));
            assertThat(r.fileUrl().toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/audio/t.wav");
            assertThat(server.requests)
                    .filteredOn(q -> q.startsWith("POST"))
                    .singleElement()
                    .asString()
                    .isEqualTo("POST /api/tts-generate text_input=Hello&text_filtering=standard&character_voice_gen="
                            + "female_01.wav&narrator_enabled=false&narrator_voice_gen=male_01.wav&text_not_inside="
                            + "character&language=en&output_file_name=talkhost&output_file_timestamp=true&autoplay="
                            + "false&autoplay_volume=0.8");
            assertThatThrownBy(() -> client.generate(GenerateRequest.of("Hi").withLanguage("xx")))
                    .isInstanceOf(RejectedInputException.class);
            assertThat(server.requests).filteredOn(q -> q.startsWith("POST")).hasSize(1);
        }
    }

    @Test
    void v2VoicesKeepVoicesetsAndLatentsAndNoVoicesFoundIsNone() throws Exception {
        try (FakeServer server = new FakeServer()) {
            server.json(
                    "GET /api/voices",
                    200,
                    "{\"status\":\"success\",\"voices\":[\"voiceset:bob\","
                            + "\"latent:alice.json\",\"female_01.wav\"]}");
            AllTalkClientImpl client = clients.on(server.port());
            assertThat(client.voices()).containsExactly("voiceset:bob", "latent:alice.json", "female_01.wav");
            server.json("GET /api/voices", 200, "{\"status\":\"success\",\"voices\":[\"No Voices Found\"]}");
            assertThat(client.voices()).isEmpty();
            server.json(
                    "GET /api/voices",
                    200,
                    "{\"status\":\"error\",\"message\":\"The piper engine has no " + "voices\"}");
            assertThatThrownBy(client::voices)
                    .isInstanceOf(ServerFailureException.class)
                    .hasMessageContaining("it said: The piper engine has no voices");
        }
    }

    @Test
    void a422FromAllTalkNamesTheField() throws Exception {
        try (FakeServer server = v2Server()) {
            server.json(
                    "POST /api/tts-generate",
                    422,
                    "{\"detail\":[{\"loc\":[\"body\",\"text_input\"]," + "\"msg\":\"Field required\"}]}");
            RejectedInputException e = catchThrowableOfType(
                    RejectedInputException.class,
                    () -> clients.on(server.port()).generate(GenerateRequest.of("x")));
            assertThat(e.field()).isEqualTo("text_input");
        }
    }

    @Test
    void readIsTheBodyOnly() throws Exception {
        try (FakeServer server = new FakeServer()) {
            AllTalkClientImpl client = clients.on(server.port());
            server.answer("GET /api/ready", 200, null, "Unloaded");
            assertThat(client.ready().ready()).isFalse();
            server.answer("GET /api/ready", 200, "text/html", "<html><body>Ready</body></html>");
            assertThat(client.ready().ready()).isFalse();
            server.answer("GET /api/ready", 200, "application/json", "\"Ready\"");
            assertThat(client.ready().ready()).isTrue();
            server.answer("GET /api/ready", 500, "text/plain", "Ready");
            assertThat(client.ready().ready()).isFalse();
            assertThat(client.ready().body()).isEqualTo("500 Ready");
            assertThat(clients.metrics.calls).containsOnly("client.ready ok");
        }
    }

    @Test
    void streamedAudioArrivesBeforeTheEndAndCancellingStopsTheGeneration() throws Exception {
        CountDownLatch stopAsked = new CountDownLatch(1);
        try (FakeServer server = v2Server()) {
            server.on("GET /api/tts-generate-streaming", x -> {
                        x.getResponseHeaders().set("Content-Type", "audio/wav");
                        x.sendResponseHeaders(200, 0);
                        OutputStream out = x.getResponseBody();
                        out.write(wavHeader(22_050));
                        out.write(new byte[4800]);
                        out.flush();
                        awaitQuietly(stopAsked);
                        x.close();
                    })
                    .on("PUT /api/stop-generation", x -> {
                        stopAsked.countDown();
                        FakeServer.send(
                                x, 200, "application/json", "{\"message\":\"Cancelling current TTS generation\"}");
                    });
            AllTalkClientImpl client = clients.on(server.port());
            AudioStream stream = client.stream(GenerateRequest.of("A long story."));
            assertThat(stream.sampleRate()).isEqualTo(22_050);
            InputStream pcm = stream.pcm();
            assertThat(pcm.readNBytes(4800)).hasSize(4800);
            assertThat(client.inFlight()).isEqualTo(1);
            assertThat(stopAsked.getCount()).isEqualTo(1);
            stream.cancel();
            assertThat(server.requests).contains("PUT /api/stop-generation");
            assertThat(pcm.read()).isEqualTo(-1);
            assertThat(client.inFlight()).isZero();
            assertThat(server.requests)
                    .filteredOn(r -> r.startsWith("GET /api/tts-generate-streaming"))
                    .singleElement()
                    .asString()
                    .contains("text=A%20long%20story.")
                    .contains("voice=female_01.wav");
        }
    }

    @Test
    void aStreamReadToTheEndDoesNotAskToStop() throws Exception {
        try (FakeServer server = v2Server()) {
            server.on("GET /api/tts-generate-streaming", x -> {
                x.sendResponseHeaders(200, 0);
                try (OutputStream out = x.getResponseBody()) {
                    out.write(wavHeader(24_000));
                    out.write(new byte[1000]);
                }
            });
            AllTalkClientImpl client = clients.on(server.port());
            try (AudioStream stream = client.stream(GenerateRequest.of("Short."))) {
                assertThat(stream.pcm().readAllBytes()).hasSize(1000);
            }
            assertThat(server.requests).noneMatch(r -> r.startsWith("PUT"));
            await().atMost(Duration.ofSeconds(2)).until(() -> client.inFlight() == 0);
        }
    }

    @Test
    void aStreamNobodyClosesEndsAtTheGenerationTimeout() throws Exception {
        CountDownLatch testOver = new CountDownLatch(1);
        try (FakeServer server = v2Server()) {
            server.on("GET /api/tts-generate-streaming", x -> {
                x.sendResponseHeaders(200, 0);
                x.getResponseBody().write(wavHeader(24_000));
                x.getResponseBody().flush();
                awaitQuietly(testOver);
                x.close();
            });
            AllTalkClientImpl client = clients.on(server.port(), "generateTimeoutOverrideSeconds", 0.5);
            AudioStream forgotten = client.stream(GenerateRequest.of("A long story."));
            assertThat(client.inFlight()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(3)).until(() -> client.inFlight() == 0);
            assertThatThrownBy(() -> forgotten.pcm().read())
                    .isInstanceOf(java.io.InterruptedIOException.class)
                    .hasMessageContaining("did not answer within 0.5 seconds");
        } finally {
            testOver.countDown();
        }
    }

    @Test
    void somethingThatIsNotWavIsRefusedWhenStreaming() throws Exception {
        try (FakeServer server = v2Server()) {
            server.answer("GET /api/tts-generate-streaming", 200, "text/html", "<html>" + "x".repeat(100) + "</html>");
            AllTalkClientImpl client = clients.on(server.port());
            assertThatThrownBy(() -> client.stream(GenerateRequest.of("Hi")))
                    .isInstanceOf(ServerFailureException.class)
                    .hasMessageContaining("did not send audio");
            assertThat(client.inFlight()).isZero();
        }
    }

    private static FakeServer v2Server() throws IOException {
        FakeServer s = new FakeServer();
        return s.json("GET /api/currentsettings", 200, V2_SETTINGS)
                .json(
                        "POST /api/tts-generate",
                        200,
                        "{\"status\":\"generate-success\",\"output_file_path\":\"/x/o.wav\",\"output_file_url\":"
                                + "\"/audio/o.wav\",\"output_cache_url\":\"/audiocache/o.wav\"}");
    }

    /** A streaming WAV header: sizes 0, mono, 16 bit. */
    private static byte[] wavHeader(int rate) {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(0).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1);
        b.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(0);
        return b.array();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
