package org.talkhost.connection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.client.ServerSettings;
import org.talkhost.api.detection.ServerKind;

class KindProbeTest {

    private static ServerSettings read(String json) {
        return KindProbe.read(
                new Answer(200, json.getBytes(StandardCharsets.UTF_8), "127.0.0.1:7851", "/api/currentsettings"));
    }

    private static ServerSettings readMarked(String json) {
        return KindProbe.read(
                new Answer(200, json.getBytes(StandardCharsets.UTF_8), "127.0.0.1:7851", "/api/currentsettings", true));
    }

    @Test
    void v1IsKnownByItsOwnFields() {
        ServerSettings s = read("{\"models_available\":[{\"name\":\"Coqui\",\"model_name\":\"API TTS\"},"
                + "{\"name\":\"Coqui\",\"model_name\":\"XTTSv2 Local\"}],\"current_model_loaded\":\"XTTSv2 Local\","
                + "\"deepspeed_available\":false,\"deepspeed_status\":false,\"low_vram_status\":\"false\","
                + "\"finetuned_model\":false}");
        assertThat(s.kind()).isEqualTo(ServerKind.V1);
        assertThat(s.flavour()).isEqualTo(ServerKind.V1);
        assertThat(s.engine()).isEqualTo("XTTSv2 Local");
        assertThat(s.enginesAvailable()).containsExactly("API TTS", "XTTSv2 Local");
        assertThat(s.speechEndpoint()).isFalse();
        assertThat(s.raw()).containsEntry("low_vram_status", "false");
    }

    @Test
    void v2IsKnownByItsEngines() {
        ServerSettings s = read("{\"engines_available\":[\"piper\",\"xtts\"],\"current_engine_loaded\":\"piper\","
                + "\"models_available\":[{\"name\":\"piper\"}],\"current_model_loaded\":null,"
                + "\"streaming_capable\":false}");
        assertThat(s.kind()).isEqualTo(ServerKind.V2);
        assertThat(s.engine()).isEqualTo("piper");
        assertThat(s.enginesAvailable()).containsExactly("piper", "xtts");
        assertThat(s.streamingCapable()).isFalse();
        assertThat(s.speechEndpoint()).isTrue();
        assertThat(s.raw()).doesNotContainKey("current_model_loaded");
    }

    @Test
    void theStandInIsKnownByItsHeaderWithTheFlavourItImitates() {
        ServerSettings v1 = readMarked("{\"deepspeed_status\":false}");
        assertThat(v1.kind()).isEqualTo(ServerKind.STANDIN);
        assertThat(v1.flavour()).isEqualTo(ServerKind.V1);
        ServerSettings v2 = readMarked("{\"engines_available\":[\"xtts\"]}");
        assertThat(v2.kind()).isEqualTo(ServerKind.STANDIN);
        assertThat(v2.flavour()).isEqualTo(ServerKind.V2);
        assertThat(read("{\"engines_available\":[\"xtts\"],\"talkhost_standin\":true}")
                        .kind())
                .as("a settings key alone does not make a stand-in")
                .isEqualTo(ServerKind.V2);
    }

    @Test
    void somethingElseIsNotTakenForAllTalk() {
        assertThatThrownBy(() -> read("{\"name\":\"some other server\"}"))
                .isInstanceOf(ServerFailureException.class)
                .hasMessageContaining("do not look like those of AllTalk");
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(ServerFailureException.class);
    }
}
