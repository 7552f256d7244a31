package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.talkhost.standin.Bodies.contentType;
import static org.talkhost.standin.Bodies.json;
import static org.talkhost.standin.Running.text;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the real servers fail on an unknown voice or an undetectable language, and v2's ignored streaming flag. */
class VoiceAndLanguageFailuresTest {

    @TempDir
    Path dir;

    Running server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void v2IgnoresStreamingOnGenerateAndAnswersJson() throws Exception {
        server = Running.start(dir, "v2", "--no-espeak");
        HttpResponse<byte[]> r =
                server.postForm("/api/tts-generate", Map.of("text_input", "Streaming flag.", "streaming", "true"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).isEqualTo("application/json");
        assertThat(json(r)).containsEntry("status", "generate-success");
    }

    @Test
    void v2GenerateAndPreviewWithAnUnknownVoiceAre500() throws Exception {
        server = Running.start(dir, "v2", "--no-espeak");
        HttpResponse<byte[]> gen = server.postForm(
                "/api/tts-generate", Map.of("text_input", "Hello.", "character_voice_gen", "nobody.wav"));
        assertThat(gen.statusCode()).isEqualTo(500);
        assertThat(json(gen)).isEqualTo(Map.of("status", "generate-failure", "error", "TTS generation failed"));
        HttpResponse<byte[]> preview = server.postForm("/api/previewvoice/", Map.of("voice", "nobody.wav"));
        assertThat(preview.statusCode()).isEqualTo(500);
        assertThat(json(preview)).isEqualTo(Map.of("error", "An internal runtime error occurred"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void streamingWithAnUnknownVoiceSendsHeadersThenDropsTheConnection(String flavor) throws Exception {
        server = Running.start(dir, flavor, "--no-espeak");
        HttpResponse<InputStream> r = server.client()
                .send(
                        HttpRequest.newBuilder(
                                        server.uri(
                                                "/api/tts-generate-streaming?text=Hello&voice=nobody.wav&language=en&output_file=x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).isEqualTo("audio/wav");
        try (InputStream body = r.body()) {
            assertThatThrownBy(body::readAllBytes)
                    .as("no bytes and no final chunk")
                    .isInstanceOf(IOException.class);
        }
        assertThat(text(server.get("/api/ready"))).as("the server goes on").isEqualTo("Ready");
    }

    @Test
    void v2NarrationLeavesOutThePartsWhoseVoiceFailsAndAnswersAnEmptyWavWhenAllFail() throws Exception {
        server = Running.start(dir, "v2", "--no-espeak");
        Map<String, Object> some = json(server.postForm(
                "/api/tts-generate",
                Map.of(
                        "text_input",
                        "*The narrator speaks here.* \"And the character here.\"",
                        "narrator_enabled",
                        "true",
                        "narrator_voice_gen",
                        "nobody.wav",
                        "output_file_timestamp",
                        "false",
                        "output_file_name",
                        "some")));
        Map<String, Object> none = json(server.postForm(
                "/api/tts-generate",
                Map.of(
                        "text_input",
                        "*The narrator speaks here.* \"And the character here.\"",
                        "narrator_enabled",
                        "true",
                        "narrator_voice_gen",
                        "nobody.wav",
                        "character_voice_gen",
                        "nobody.wav",
                        "output_file_timestamp",
                        "false",
                        "output_file_name",
                        "none")));
        assertThat(some).containsEntry("status", "generate-success");
        assertThat(none).containsEntry("status", "generate-success");
        byte[] both = Files.readAllBytes(Path.of((String) some.get("output_file_path")));
        byte[] empty = Files.readAllBytes(Path.of((String) none.get("output_file_path")));
        assertThat(empty).hasSize(44);
        assertThat(Audio.decode(both).seconds()).as("only the character's part").isBetween(0.5, 4.0);
    }

    @Test
    void v2AutoLanguageOnTextWithoutLettersFailsLikeLangdetect() throws Exception {
        server = Running.start(dir, "v2", "--no-espeak");
        HttpResponse<byte[]> gen =
                server.postForm("/api/tts-generate", Map.of("text_input", "12345", "language", "auto"));
        assertThat(gen.statusCode()).isEqualTo(400);
        assertThat(json(gen)).isEqualTo(Map.of("status", "generate-failure", "error", "Could not detect language"));
        HttpResponse<byte[]> stream =
                server.get("/api/tts-generate-streaming?text=12345&voice=female_01.wav&language=auto&output_file=x");
        assertThat(stream.statusCode()).isEqualTo(400);
        assertThat(json(stream)).isEqualTo(Map.of("error", "Invalid value: Could not detect language"));
        assertThat(server.postForm("/api/tts-generate", Map.of("text_input", "Words 12345", "language", "auto"))
                        .statusCode())
                .isEqualTo(200);
        for (String input : new String[] {"12345", ""}) {
            HttpResponse<byte[]> openai = server.postJson(
                    "/v1/audio/speech",
                    "{\"model\":\"tts-1\",\"input\":\"" + input + "\",\"voice\":\"nova\",\"response_format\":\"wav\"}");
            assertThat(openai.statusCode()).isEqualTo(500);
            assertThat(text(openai)).isEqualTo("Internal Server Error");
        }
    }
}
