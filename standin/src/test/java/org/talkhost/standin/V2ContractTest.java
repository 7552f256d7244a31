package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkhost.standin.Bodies.contentType;
import static org.talkhost.standin.Bodies.json;
import static org.talkhost.standin.Running.text;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.standin.speech.Executables;

/** Each row of alltalk-api.md as AllTalk v2 answers it. */
@SuppressWarnings("unchecked")
class V2ContractTest {

    @TempDir
    Path dir;

    Running server;

    @BeforeEach
    void start() throws Exception {
        server = Running.start(dir, "v2", "--no-espeak");
        Path set = dir.resolve("voices/xtts_multi_voice_sets/choir");
        Files.createDirectories(set);
        Files.copy(dir.resolve("voices/male_01.wav"), set.resolve("a.wav"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readyIsPlainReadyAndThereIsNoV1ReadyEndpoint() throws Exception {
        HttpResponse<byte[]> r = server.get("/api/ready");
        assertThat(text(r)).isEqualTo("Ready");
        assertThat(contentType(r)).isNull();
        HttpResponse<byte[]> v1Only = server.get("/ready");
        assertThat(v1Only.statusCode()).isEqualTo(404);
        assertThat(json(v1Only)).containsEntry("detail", "Not Found");
    }

    @Test
    void voicesHaveAStatusAndListVoiceSets() throws Exception {
        Map<String, Object> body = json(server.get("/api/voices"));
        assertThat(body).containsEntry("status", "success");
        assertThat((List<Object>) body.get("voices"))
                .startsWith("female_01.wav")
                .endsWith("voiceset:choir");
    }

    @Test
    void currentSettingsHaveEngineKeysCapabilitiesAndTheStandinMarkIsAHeader() throws Exception {
        HttpResponse<byte[]> r = server.get("/api/currentsettings");
        Map<String, Object> s = json(r);
        assertThat(s)
                .containsKeys(
                        "engines_available",
                        "current_engine_loaded",
                        "streaming_capable",
                        "multivoice_capable",
                        "audio_format")
                .doesNotContainKeys("deepspeed_status", "finetuned_model");
        assertThat(s).containsEntry("audio_format", "wav").doesNotContainKeys("talkhost_standin", "standin_voice");
        assertThat(r.headers().firstValue("x-talkhost-standin")).hasValue("synthetic-tone");
    }

    @Test
    void generateNeedsOnlyTextAndAnswersWithRelativeUrls() throws Exception {
        HttpResponse<byte[]> r = server.postForm("/api/tts-generate", Map.of("text_input", "Only text."));
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> body = json(r);
        assertThat((String) body.get("output_file_url")).matches("/audio/myoutputfile_[0-9]{10}[0-9a-f]{5}\\.wav");
        assertThat((String) body.get("output_cache_url")).startsWith("/audiocache/");
        assertThat(Path.of((String) body.get("output_file_path"))).isRegularFile();
        HttpResponse<byte[]> set = server.postForm(
                "/api/tts-generate",
                Map.of("text_input", "A choir.", "character_voice_gen", "voiceset:choir", "language", "auto"));
        assertThat(set.statusCode()).isEqualTo(200);
    }

    @Test
    void missingTextIs422AndBadValuesAre400WithFieldDescriptions() throws Exception {
        HttpResponse<byte[]> missing = server.postForm("/api/tts-generate", Map.of("language", "en"));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(Bodies.detail(missing).get(0)).containsEntry("loc", List.of("body", "text_input"));
        HttpResponse<byte[]> bad = server.postForm(
                "/api/tts-generate", Map.of("text_input", "Hi.", "narrator_enabled", "yes", "language", "xx"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat((String) json(bad).get("error"))
                .contains("narrator_enabled: ")
                .contains("\nlanguage: ");
    }

    @Test
    void narratedTextIsCombinedIntoOneFile() throws Exception {
        HttpResponse<byte[]> r = server.postForm(
                "/api/tts-generate",
                Map.of(
                        "text_input",
                        "*She looked up.* \"Hello there, friend.\" Then silence.",
                        "narrator_enabled",
                        "true"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat((String) json(r).get("output_file_url")).matches("/audio/myoutputfile_[0-9]{10}_combined\\.wav");
    }

    @Test
    void missingAudioIs404OnBothAudioPaths() throws Exception {
        assertThat(server.get("/audio/none.wav").statusCode()).isEqualTo(404);
        assertThat(server.get("/audiocache/none.wav").statusCode()).isEqualTo(404);
    }

    @Test
    void previewVoiceUrlIsRelative() throws Exception {
        HttpResponse<byte[]> r = server.postForm("/api/previewvoice/", Map.of("voice", "female_02.wav"));
        assertThat(json(r)).containsEntry("output_file_url", "/audio/api_preview_voice.wav");
    }

    @Test
    void openAiSpeechGivesWavAndEveryErrorIsAPlain500() throws Exception {
        HttpResponse<byte[]> ok = server.postJson(
                "/v1/audio/speech", "{\"model\":\"tts-1\",\"input\":\"Hello there.\",\"voice\":\"nova\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(contentType(ok)).isEqualTo("audio/wav");
        assertThat(Audio.decode(ok.body()).format().getSampleRate()).isEqualTo(24000f);
        for (String bad : List.of(
                "{\"model\":\"m\",\"input\":\"Hi\",\"voice\":\"bob\"}",
                "{\"model\":\"m\",\"input\":\"" + "a".repeat(4097) + "\",\"voice\":\"nova\"}",
                "{\"model\":\"m\",\"input\":\"Hi\",\"voice\":\"nova\",\"speed\":5}",
                "{\"input\":\"Hi\",\"voice\":\"nova\"}",
                "not json")) {
            HttpResponse<byte[]> r = server.postJson("/v1/audio/speech", bad);
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(text(r)).isEqualTo("Internal Server Error");
        }
    }

    @Test
    void otherFormatsNeedFfmpegAndSaySo() throws Exception {
        Assumptions.assumeTrue(Executables.find("ffmpeg").isEmpty(), "ffmpeg is installed here");
        HttpResponse<byte[]> r = server.postJson(
                "/v1/audio/speech",
                "{\"model\":\"tts-1\",\"input\":\"Hello.\",\"voice\":\"alloy\",\"response_format\":\"mp3\"}");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(text(r)).contains("FFmpeg is not installed");
    }

    @Test
    void reloadKnowsV2ModelNames() throws Exception {
        HttpResponse<byte[]> ok = server.send("POST", "/api/reload?tts_method=apitts%20-%20xttsv2_2.0.3");
        assertThat(json(ok)).containsEntry("status", "model-success");
        assertThat(server.send("POST", "/api/reload?tts_method=API%20Local").statusCode())
                .isEqualTo(500);
    }

    @Test
    void stopGenerationSaysItIsCancelling() throws Exception {
        assertThat(json(server.send("PUT", "/api/stop-generation")))
                .containsEntry("message", "Cancelling current TTS generation");
    }

    @Test
    void settingsJsonAndV1OnlyEndpoints() throws Exception {
        assertThat(json(server.get("/settings-json"))).containsKey("api_def");
        assertThat(server.postJson("/api/generate", "{}").statusCode()).isEqualTo(404);
    }
}
