package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkhost.standin.Bodies.contentType;
import static org.talkhost.standin.Bodies.json;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The setting endpoints real AllTalk has besides speech. */
class SettingEndpointsTest {

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
    void lowVramAndDeepSpeedAnswerStatusAndMessage(String flavor) throws Exception {
        server = Running.start(dir, flavor, "--no-espeak");
        for (String path :
                new String[] {"/api/lowvramsetting?new_low_vram_value=", "/api/deepspeed?new_deepspeed_value="}) {
            HttpResponse<byte[]> same = server.send("POST", path + "False");
            assertThat(same.statusCode()).isEqualTo(200);
            assertThat(contentType(same)).as("a bare Response(json.dumps(...))").isNull();
            assertThat(json(same)).containsEntry("status", "success");
            assertThat((String) json(same).get("message")).contains("already disabled");
            HttpResponse<byte[]> on = server.send("POST", path + "true");
            assertThat((String) json(on).get("message")).contains("enabled");
            HttpResponse<byte[]> bad = server.send("POST", path + "maybe");
            assertThat(bad.statusCode()).isEqualTo(422);
        }
        assertThat(server.send("POST", "/api/lowvramsetting").statusCode()).isEqualTo(422);
    }

    @Test
    void v2EngineReloadRefusesAnUnknownEngineWith200() throws Exception {
        server = Running.start(dir, "v2", "--no-espeak");
        HttpResponse<byte[]> bad = server.send("POST", "/api/enginereload?engine=nosuchengine");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(json(bad)).isEqualTo(Map.of("status", "error", "message", "Invalid TTS engine specified"));
        HttpResponse<byte[]> good = server.send("POST", "/api/enginereload?engine=xtts");
        assertThat(json(good)).containsEntry("status", "engine-success");
    }

    @Test
    void v2OpenAiVoiceMapTakesAllSixVoices() throws Exception {
        server = Running.start(dir, "v2", "--no-espeak");
        String six = "{\"alloy\":\"female_01.wav\",\"echo\":\"male_01.wav\",\"fable\":\"female_02.wav\","
                + "\"nova\":\"female_03.wav\",\"onyx\":\"male_02.wav\",\"shimmer\":\"male_03.wav\"}";
        HttpResponse<byte[]> ok = server.send(HttpRequest.newBuilder(server.uri("/api/openai-voicemap"))
                .header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(six)));
        assertThat(ok.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> missing = server.send(HttpRequest.newBuilder(server.uri("/api/openai-voicemap"))
                .header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"alloy\":\"x\"}")));
        assertThat(missing.statusCode()).isEqualTo(422);
    }

    @Test
    void v1HasNeitherEngineReloadNorVoiceMap() throws Exception {
        server = Running.start(dir, "v1", "--no-espeak");
        assertThat(server.send("POST", "/api/enginereload?engine=xtts").statusCode())
                .isEqualTo(404);
        assertThat(server.send("PUT", "/api/openai-voicemap").statusCode()).isEqualTo(404);
    }
}
