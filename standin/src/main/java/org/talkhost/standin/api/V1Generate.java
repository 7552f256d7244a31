package org.talkhost.standin.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.talkhost.standin.Json;
import org.talkhost.standin.http.Call;
import org.talkhost.standin.http.FormFields;
import org.talkhost.standin.http.Router;

/** v1's POST /api/tts-generate (every field required, .wav voices) and POST /api/generate (JSON). */
final class V1Generate {

    private final Context ctx;
    private final SpeechJobs jobs;

    V1Generate(Context ctx, SpeechJobs jobs) {
        this.ctx = ctx;
        this.jobs = jobs;
    }

    void addTo(Router router) {
        router.add("POST", "/api/tts-generate", this::ttsGenerate).add("POST", "/api/generate", this::generate);
    }

    private void ttsGenerate(Call call) throws IOException {
        FormFields f = new FormFields(call.form(), "body");
        String text = f.text("text_input", true);
        String filtering = f.text("text_filtering", true);
        String character = f.text("character_voice_gen", true);
        Boolean narrator = f.bool("narrator_enabled", true);
        String narratorVoice = f.text("narrator_voice_gen", true);
        String notInside = f.text("text_not_inside", true);
        String language = f.text("language", true);
        String name = f.text("output_file_name", true);
        Boolean timestamp = f.bool("output_file_timestamp", true);
        f.bool("autoplay", true);
        Double volume = f.number("autoplay_volume", true);
        Boolean streaming = f.bool("streaming", false);
        if (!f.valid()) {
            call.reply().unprocessable(f.errors());
            return;
        }
        Pydantic p = new Pydantic();
        p.maxLength("text_input", text, 2000, null);
        p.pattern("text_filtering", filtering, "(none|standard|html)", null);
        p.pattern("character_voice_gen", character, ".*\\.wav", null);
        p.pattern("narrator_voice_gen", narratorVoice, ".*\\.wav", null);
        p.pattern("text_not_inside", notInside, "(character|narrator)", null);
        p.pattern("language", language, "(ar|zh-cn|cs|nl|en|fr|de|hu|hi|it|ja|ko|pl|pt|ru|es|tr)", null);
        p.pattern("output_file_name", name, "[a-zA-Z0-9_]+", null);
        p.range("autoplay_volume", volume, 0.1, 1.0, null);
        if (!p.valid()) {
            ctx.console().line("[AllTalk API] Error with API request: " + p.v1Text());
            call.reply().json(400, Map.of("error", p.v1Text()));
            return;
        }
        if (cannotGenerate(character) || (narrator && cannotGenerate(narratorVoice))) {
            call.reply().json(500, Map.of("status", "generate-failure", "error", "An error occurred"));
            return;
        }
        GenerateRequest r = new GenerateRequest(
                text,
                filtering,
                character,
                narrator.toString(),
                narratorVoice,
                notInside,
                language,
                name,
                timestamp,
                1.0,
                Boolean.TRUE.equals(streaming));
        if (r.streaming() && !r.narrated()) {
            jobs.stream(call, text, character, language, 1.0);
            return;
        }
        String file = jobs.generate(r);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "generate-success");
        body.put(
                "output_file_path",
                ctx.outputs().dir().resolve(file).toAbsolutePath().toString());
        body.put("output_file_url", ctx.urlBase() + "/audio/" + file);
        body.put("output_cache_url", ctx.urlBase() + "/audiocache/" + file);
        call.reply().json(200, body);
    }

    private boolean cannotGenerate(String voice) throws IOException {
        if (ctx.faults().failGenerate() || !ctx.model().loaded()) {
            return true;
        }
        if (!ctx.voices().exists(voice)) {
            ctx.console().note("The voice " + voice + " is not in voices/, so AllTalk would fail to generate.");
            return true;
        }
        return false;
    }

    /** Errors here are answered with 200 and {"status":"error","message": str(exception)}. */
    private void generate(Call call) throws IOException {
        String message;
        try {
            Object parsed = Json.parse(call.bodyText());
            if (!(parsed instanceof Map<?, ?> data)) {
                message = "list indices must be integers or slices, not str";
            } else {
                message = generate(data);
                if (message == null) {
                    Map<String, Object> audio = new LinkedHashMap<>();
                    audio.put("audio_path", data.get("output_file"));
                    call.reply().json(200, Map.of("status", "generate-success", "data", audio));
                    return;
                }
            }
        } catch (Json.Problem e) {
            message = e.getMessage();
        }
        call.reply().json(200, Map.of("status", "error", "message", message));
    }

    /** Generates, or returns the error message AllTalk would give. */
    private String generate(Map<?, ?> data) throws IOException {
        for (String key :
                new String[] {"text", "voice", "language", "temperature", "repetition_penalty", "output_file"}) {
            if (!data.containsKey(key)) {
                return "'" + key + "'";
            }
        }
        String voice = String.valueOf(data.get("voice"));
        if (ctx.faults().failGenerate()) {
            return "An error occurred";
        }
        if (!ctx.model().loaded()) {
            return "'NoneType' object has no attribute 'get_conditioning_latents'";
        }
        if (!ctx.voices().exists(voice)) {
            return "[Errno 2] No such file or directory: '"
                    + ctx.options().dir().resolve("voices").resolve(voice) + "'";
        }
        Path out = ctx.options().dir().resolve(String.valueOf(data.get("output_file")));
        jobs.speakAsModelWrites(
                out, String.valueOf(data.get("text")), voice, String.valueOf(data.get("language")), 1.0);
        return null;
    }
}
