package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkhost.standin.Bodies.contentType;
import static org.talkhost.standin.Bodies.json;
import static org.talkhost.standin.Bodies.v1Form;
import static org.talkhost.standin.Bodies.with;
import static org.talkhost.standin.Running.text;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each row of alltalk-api.md as AllTalk v1 answers it: status, body shape, content type or its absence. */
@SuppressWarnings("unchecked")
class V1ContractTest {

    @TempDir
    Path dir;

    Running server;

    @BeforeEach
    void start() throws Exception {
        server = Running.start(dir, "v1", "--no-espeak");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readyEndpointsArePlainTextWithoutContentType() throws Exception {
        HttpResponse<byte[]> apiReady = server.get("/api/ready");
        HttpResponse<byte[]> ready = server.get("/ready");
        assertThat(apiReady.statusCode()).isEqualTo(200);
        assertThat(text(apiReady)).isEqualTo("Ready");
        assertThat(contentType(apiReady)).isNull();
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(text(ready)).isEqualTo("Ready endpoint");
        assertThat(contentType(ready)).isNull();
    }

    @Test
    void voicesListsTheSampleVoicesCreatedInTheVoicesFolder() throws Exception {
        HttpResponse<byte[]> r = server.get("/api/voices");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).isEqualTo("application/json");
        assertThat(json(r)).containsOnlyKeys("voices");
        // v1 lists os.listdir's order (the folder's own order, not sorted).
        List<String> onDisk;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir.resolve("voices"))) {
            onDisk = files.map(p -> p.getFileName().toString()).toList();
        }
        assertThat((List<Object>) json(r).get("voices"))
                .containsExactlyElementsOf(onDisk)
                .containsExactlyInAnyOrder(
                        "female_01.wav", "female_02.wav", "female_03.wav", "male_01.wav", "male_02.wav", "male_03.wav");
        assertThat(dir.resolve("voices/female_01.wav")).isRegularFile();
        assertThat(dir.resolve("outputs")).isDirectory();
    }

    @Test
    void currentSettingsHaveV1KeysOnlyAndTheStandinMarkIsAHeader() throws Exception {
        HttpResponse<byte[]> r = server.get("/api/currentsettings");
        Map<String, Object> s = json(r);
        assertThat(s)
                .containsKeys("deepspeed_status", "finetuned_model", "models_available", "current_model_loaded")
                .doesNotContainKeys("engines_available", "current_engine_loaded");
        assertThat(s.get("low_vram_status")).isEqualTo("false");
        assertThat((List<?>) s.get("models_available"))
                .first()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKey("model_name");
        assertThat(s)
                .containsOnlyKeys(
                        "models_available",
                        "current_model_loaded",
                        "deepspeed_available",
                        "deepspeed_status",
                        "low_vram_status",
                        "finetuned_model");
        assertThat(r.headers().firstValue("x-talkhost-standin")).hasValue("synthetic-tone");
    }

    @Test
    void generateAnswersWithAbsoluteUrlsAndAnAllTalkFileName() throws Exception {
        HttpResponse<byte[]> r = server.postForm("/api/tts-generate", v1Form("Hello there. How are you?"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).isEqualTo("application/json");
        Map<String, Object> body = json(r);
        assertThat(body).containsEntry("status", "generate-success");
        String url = (String) body.get("output_file_url");
        assertThat(url).matches("http://127\\.0\\.0\\.1:" + server.port() + "/audio/bar_[0-9]{10}[0-9a-f]{5}\\.wav");
        assertThat((String) body.get("output_cache_url")).contains("/audiocache/bar_");
        Path file = Path.of((String) body.get("output_file_path"));
        assertThat(file.getParent()).isEqualTo(dir.resolve("outputs").toAbsolutePath());
        Audio.Decoded audio = Audio.decode(Files.readAllBytes(file));
        assertThat(audio.format().getSampleRate()).isEqualTo(24000f);
        assertThat(audio.format().getChannels()).isEqualTo(1);

        HttpResponse<byte[]> served = server.get("/audio/" + file.getFileName());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(contentType(served)).isEqualTo("audio/x-wav");
        assertThat(served.body()).isEqualTo(Files.readAllBytes(file));
        assertThat(server.get("/audiocache/" + file.getFileName()).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutTimestampTheFileIsNamedExactly() throws Exception {
        Map<String, Object> body =
                json(server.postForm("/api/tts-generate", with(v1Form("Hi there."), "output_file_timestamp", "false")));
        assertThat((String) body.get("output_file_url")).endsWith("/audio/bar.wav");
        assertThat(dir.resolve("outputs/bar.wav")).isRegularFile();
    }

    @Test
    void everyFieldIsRequiredAnswering422InFastApisShape() throws Exception {
        HttpResponse<byte[]> r = server.postForm("/api/tts-generate", Map.of("text_input", "hi"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(contentType(r)).isEqualTo("application/json");
        List<Map<String, Object>> detail = Bodies.detail(r);
        assertThat(detail).hasSize(10);
        assertThat(detail.get(0))
                .containsEntry("loc", List.of("body", "text_filtering"))
                .containsEntry("msg", "Field required")
                .containsEntry("type", "missing");
        HttpResponse<byte[]> bool = server.postForm("/api/tts-generate", with(v1Form("hi"), "autoplay", "maybe"));
        assertThat(bool.statusCode()).isEqualTo(422);
        assertThat(Bodies.detail(bool).get(0)).containsEntry("loc", List.of("body", "autoplay"));
    }

    @Test
    void badValuesAnswer400WithAnErrorText() throws Exception {
        Map<String, String> ok = v1Form("Hello.");
        for (Map<String, String> bad : List.of(
                with(ok, "character_voice_gen", "female_01"),
                with(ok, "narrator_voice_gen", "male_01.mp3"),
                with(ok, "language", "xx"),
                with(ok, "text_input", "a".repeat(2001)),
                with(ok, "output_file_name", "bad name!"),
                with(ok, "text_filtering", "strict"),
                with(ok, "autoplay_volume", "2"))) {
            HttpResponse<byte[]> r = server.postForm("/api/tts-generate", bad);
            assertThat(r.statusCode()).as(bad.toString().substring(0, 80)).isEqualTo(400);
            assertThat(json(r)).containsOnlyKeys("error");
            assertThat((String) json(r).get("error")).contains("validation error for JSONInput");
        }
    }

    @Test
    void missingAudioIs500OnAudioAnd404OnAudiocache() throws Exception {
        HttpResponse<byte[]> audio = server.get("/audio/none.wav");
        assertThat(audio.statusCode()).isEqualTo(500);
        assertThat(text(audio)).isEqualTo("Internal Server Error");
        HttpResponse<byte[]> cache = server.get("/audiocache/none.wav");
        assertThat(cache.statusCode()).isEqualTo(404);
        assertThat(json(cache)).containsEntry("detail", "File not found");
    }

    @Test
    void previewVoiceNeedsItsTrailingSlash() throws Exception {
        HttpResponse<byte[]> r = server.postForm("/api/previewvoice/", Map.of("voice", "male_01.wav"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r))
                .containsEntry("status", "generate-success")
                .containsEntry("output_file_url", "http://127.0.0.1:" + server.port() + "/audio/api_preview_voice.wav");
        assertThat(dir.resolve("outputs/api_preview_voice.wav")).isRegularFile();
        HttpResponse<byte[]> noSlash = server.postForm("/api/previewvoice", Map.of("voice", "male_01.wav"));
        assertThat(noSlash.statusCode()).isEqualTo(307);
        assertThat(noSlash.headers().firstValue("location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/previewvoice/"));
    }

    @Test
    void jsonGenerateAnswers200EvenForErrors() throws Exception {
        HttpResponse<byte[]> ok = server.postJson(
                "/api/generate",
                "{\"text\":\"Hi there.\",\"voice\":\"female_01.wav\","
                        + "\"language\":\"en\",\"temperature\":0.7,\"repetition_penalty\":10,\"output_file\":\"outputs/j.wav\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok))
                .containsEntry("status", "generate-success")
                .containsEntry("data", Map.of("audio_path", "outputs/j.wav"));
        assertThat(dir.resolve("outputs/j.wav")).isRegularFile();
        HttpResponse<byte[]> missing = server.postJson("/api/generate", "{\"text\":\"Hi\"}");
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(json(missing)).containsEntry("status", "error").containsEntry("message", "'voice'");
    }

    @Test
    void reloadKnowsV1ModelNamesAndFailsPlainlyForOthers() throws Exception {
        HttpResponse<byte[]> ok = server.send("POST", "/api/reload?tts_method=API%20Local");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok)).containsEntry("status", "model-success");
        assertThat(json(server.get("/api/currentsettings"))).containsEntry("current_model_loaded", "API Local");
        HttpResponse<byte[]> bad = server.send("POST", "/api/reload?tts_method=nonsense");
        assertThat(bad.statusCode()).isEqualTo(500);
        assertThat(text(bad)).isEqualTo("Internal Server Error");
    }

    @Test
    void unknownPathsMethodsAndV2OnlyEndpointsAreFastApiErrors() throws Exception {
        for (String path : List.of("/nothing", "/v1/audio/speech", "/settings-json")) {
            HttpResponse<byte[]> r = path.startsWith("/v1") ? server.postJson(path, "{}") : server.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(json(r)).containsEntry("detail", "Not Found");
        }
        HttpResponse<byte[]> wrong = server.send("POST", "/api/ready");
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(json(wrong)).containsEntry("detail", "Method Not Allowed");
        assertThat(wrong.headers().firstValue("allow"))
                .hasValueSatisfying(a -> assertThat(a).contains("GET"));
    }

    @Test
    void stopGenerationAnswersWithAMessage() throws Exception {
        HttpResponse<byte[]> r = server.send("PUT", "/api/stop-generation");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r)).containsOnlyKeys("message");
    }

    @Test
    void voiceMissingFromTheVoicesFolderFailsTheGeneration() throws Exception {
        HttpResponse<byte[]> r =
                server.postForm("/api/tts-generate", with(v1Form("Hi."), "character_voice_gen", "nobody.wav"));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r)).isEqualTo(Map.of("status", "generate-failure", "error", "An error occurred"));
    }
}
