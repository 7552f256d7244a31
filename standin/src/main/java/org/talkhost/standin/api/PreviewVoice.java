package org.talkhost.standin.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.talkhost.standin.http.Call;
import org.talkhost.standin.http.FormFields;
import org.talkhost.standin.http.Router;

/** POST /api/previewvoice/ (with the trailing slash): says a short sentence into api_preview_voice.wav. */
final class PreviewVoice {

    private static final String FILE = "api_preview_voice.wav";

    private final Context ctx;
    private final SpeechJobs jobs;

    PreviewVoice(Context ctx) {
        this.ctx = ctx;
        this.jobs = new SpeechJobs(ctx);
    }

    void addTo(Router router) {
        router.add("POST", "/api/previewvoice/", this::preview);
    }

    private void preview(Call call) throws IOException {
        FormFields f = new FormFields(call.form(), "body");
        String voice = f.text("voice", true);
        if (!ctx.v1()) {
            f.text("rvccharacter_voice_gen", false);
            f.number("rvccharacter_pitch", false);
        }
        if (!f.valid()) {
            call.reply().unprocessable(f.errors());
            return;
        }
        if (!ctx.v1() && !ctx.model().loaded()) {
            call.reply().json(400, Map.of("detail", "You currently have no TTS model loaded."));
            return;
        }
        if (ctx.faults().failGenerate()
                || !ctx.model().loaded()
                || !ctx.voices().exists(voice)) {
            call.reply()
                    .json(500, Map.of("error", ctx.v1() ? "An error occurred" : "An internal runtime error occurred"));
            return;
        }
        String clean = voice.replace(' ', '_').replaceFirst("\\.wav$", "").replaceAll("[^a-zA-Z0-9]", " ");
        jobs.speakAsModelWrites(
                ctx.outputs().file(FILE), "Hello, this is a preview of voice " + clean + ".", voice, "en", 1.0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "generate-success");
        body.put(
                "output_file_path",
                ctx.outputs().dir().resolve(FILE).toAbsolutePath().toString());
        // v2 builds this URL itself, always relative, even in its legacy (absolute URL) mode.
        body.put("output_file_url", (ctx.v1() ? ctx.urlBase() : "") + "/audio/" + FILE);
        call.reply().json(200, body);
    }
}
