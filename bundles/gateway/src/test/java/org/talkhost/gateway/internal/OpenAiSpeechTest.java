package org.talkhost.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.standin.Console;
import org.talkhost.standin.OptionParser;
import org.talkhost.standin.Standin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /v1/audio/speech} as an OpenAI client sees it, in front of the stand-in AllTalk (started in
 * this JVM on a free port): translated for v1, passed on to v2, and errors in OpenAI's JSON shape.
 */
class OpenAiSpeechTest {
    private static final String[] DEFAULT_VOICES = {"alloy=female_01.wav", "echo=male_01.wav", "nova=female_03.wav"};

    @TempDir
    Path dir;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Upstream upstream = new Upstream(() -> Duration.ofSeconds(30), timer);
    private final OpenAiSpeech speech = new OpenAiSpeech(upstream, VoiceMap.parse(DEFAULT_VOICES));
    private Standin standin;

    @AfterEach
    void stop() {
        upstream.close();
        timer.shutdownNow();
        if (standin != null) {
            standin.close();
        }
    }

    @Test
    void v1_wavIsAPlayableWav() throws Exception {
        Exchange e = speak("v1", "{\"model\":\"tts-1\",\"input\":\"Hello there.\",\"voice\":\"nova\"}");
        assertThat(e.status()).as(e.text()).isEqualTo(200);
        assertThat(e.header("Content-Type")).isEqualTo("audio/wav");
        ByteBuffer b = ByteBuffer.wrap(e.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(e.bytes(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(e.bytes(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        assertThat(b.getInt(24)).as("sample rate").isEqualTo(24000);
        assertThat(e.bytes().length).isGreaterThan(44 + 4800);
    }

    @Test
    void v1_pcmIsTheSamplesWithoutAHeader() throws Exception {
        Exchange e = speak(
                "v1",
                "{\"model\":\"tts-1\",\"input\":\"Hello there.\",\"voice\":\"alloy\","
                        + "\"response_format\":\"pcm\"}");
        assertThat(e.status()).as(e.text()).isEqualTo(200);
        assertThat(e.header("Content-Type")).isEqualTo("audio/pcm");
        assertThat(new String(e.bytes(), 0, 4, StandardCharsets.US_ASCII)).isNotEqualTo("RIFF");
        assertThat(e.bytes().length % 2).as("whole 16-bit samples").isZero();
        assertThat(e.bytes().length).isGreaterThan(4800);
    }

    @Test
    void v1_aFormatItCannotMake_is400NamingTheFormatsItCan() throws Exception {
        Exchange e =
                speak("v1", "{\"model\":\"tts-1\",\"input\":\"Hi.\",\"voice\":\"alloy\",\"response_format\":\"mp3\"}");
        JsonNode error = error(e, 400);
        assertThat(error.get("param").asText()).isEqualTo("response_format");
        assertThat(error.get("message").asText()).contains("wav, pcm");
    }

    @Test
    void v2_isPassedOnToItsOwnEndpoint() throws Exception {
        Exchange e = speak("v2", "{\"model\":\"tts-1\",\"input\":\"Hello there.\",\"voice\":\"echo\"}");
        assertThat(e.status()).as(e.text()).isEqualTo(200);
        assertThat(new String(e.bytes(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"input\":\"Hi.\",\"voice\":\"bogus\"}",
                "{\"voice\":\"alloy\"}",
                "{\"input\":\"  \",\"voice\":\"alloy\"}",
                "{\"input\":\"Hi.\",\"voice\":\"alloy\",\"speed\":9}",
                "{\"input\":\"Hi.\",\"voice\":\"alloy\",\"speed\":\"fast\"}",
                "not json",
                "[1,2]"
            })
    void badRequests_get400InOpenAisShapeNamingTheField(String body) throws Exception {
        Exchange e = speak(null, body);
        JsonNode error = error(e, 400);
        String expected = body.contains("bogus")
                ? "voice"
                : body.contains("speed") ? "speed" : body.startsWith("{") ? "input" : null;
        if (expected == null) {
            assertThat(error.get("param").isNull()).isTrue();
        } else {
            assertThat(error.get("param").asText()).isEqualTo(expected);
        }
    }

    @Test
    void anUnknownVoice_namesTheOnesThatWork() throws Exception {
        JsonNode error = error(speak(null, "{\"input\":\"Hi.\",\"voice\":\"bogus\"}"), 400);
        assertThat(error.get("message").asText()).contains("alloy, echo, nova");
    }

    @Test
    void anInputOverOpenAisLimit_isRefused() throws Exception {
        JsonNode error = error(speak(null, "{\"input\":\"" + "a".repeat(4097) + "\",\"voice\":\"alloy\"}"), 400);
        assertThat(error.get("message").asText()).contains("4096");
    }

    @Test
    void theErrorShape_isOpenAis() throws Exception {
        JsonNode root = Replies.JSON.readTree(Replies.openAiError("Something plain.", "server_error", null));
        assertThat(root.fieldNames()).toIterable().containsExactly("error");
        JsonNode error = root.get("error");
        assertThat(error.fieldNames()).toIterable().containsExactly("message", "type", "param", "code");
        assertThat(error.get("message").asText()).isEqualTo("Something plain.");
        assertThat(error.get("type").asText()).isEqualTo("server_error");
        assertThat(error.get("param").isNull()).isTrue();
        assertThat(error.get("code").isNull()).isTrue();
    }

    @Test
    void voiceMap_namesAreCaseBlindAndVoiceFilesPassAsTheyAre() {
        VoiceMap map = VoiceMap.parse(
                new String[] {" Alloy = female_01.wav ", "broken", "=x.wav", "nova=", null, "echo=male_01.wav"});
        assertThat(map.voiceFor("ALLOY")).isEqualTo("female_01.wav");
        assertThat(map.voiceFor(" echo ")).isEqualTo("male_01.wav");
        assertThat(map.voiceFor("my_clone.wav")).isEqualTo("my_clone.wav");
        assertThat(map.voiceFor("nova")).as("an empty mapping is no mapping").isNull();
        assertThat(map.voiceFor("onyx")).isNull();
        assertThat(map.voiceFor(null)).isNull();
        assertThat(map.names()).isEqualTo("alloy, echo");
    }

    @Test
    void theSettingsDefaults_mapAllSixOpenAiVoices() {
        VoiceMap map = VoiceMap.parse(
                org.talkhost.common.testing.Configs.of(GatewayConfig.class).openAiVoices());
        for (String v : new String[] {"alloy", "echo", "fable", "nova", "onyx", "shimmer"}) {
            assertThat(map.voiceFor(v)).as(v).endsWith(".wav");
        }
    }

    /** Asks a stand-in of {@code flavor}; none for null (a request refused before anything is sent). */
    private Exchange speak(String flavor, String json) throws Exception {
        int port = 9; // discard: nothing is sent there
        if (flavor != null) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(console, true, StandardCharsets.UTF_8);
            standin = Standin.start(
                    OptionParser.parse(
                            "--flavor",
                            flavor,
                            "--dir",
                            dir.toString(),
                            "--port",
                            "0",
                            "--host",
                            "127.0.0.1",
                            "--load-seconds",
                            "0",
                            "--no-ui"),
                    new Console(ps, ps),
                    code -> {});
            port = standin.port();
        }
        Exchange e = Exchange.post(EndpointNames.OPENAI_SPEECH, json, "Content-Type: application/json");
        Call call = new Admission("", 1024).admit(e.request, e.response);
        assertThat(speech.handle(call, new ServerAddress("127.0.0.1", port))).isEqualTo(Outcome.DONE);
        return e;
    }

    private static JsonNode error(Exchange e, int status) throws Exception {
        assertThat(e.status()).as(e.text()).isEqualTo(status);
        assertThat(e.header("Content-Type")).isEqualTo("application/json");
        return Replies.JSON.readTree(e.text()).get("error");
    }
}
