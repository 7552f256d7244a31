package org.talkhost.standin.api;

import java.io.IOException;
import java.util.Map;

import org.talkhost.standin.http.Call;
import org.talkhost.standin.http.FormFields;
import org.talkhost.standin.http.Router;
import org.talkhost.standin.speech.Language;

/** GET /api/tts-generate-streaming (the stream) and its POST twin (writes outputs/FILE instead). */
final class Streaming {

    private final Context ctx;
    private final SpeechJobs jobs;

    Streaming(Context ctx) {
        this.ctx = ctx;
        this.jobs = new SpeechJobs(ctx);
    }

    void addTo(Router router) {
        router.add("GET", "/api/tts-generate-streaming", this::stream)
                .add("POST", "/api/tts-generate-streaming", this::toFile);
    }

    private void stream(Call call) throws IOException {
        FormFields q = new FormFields(call.query(), "query");
        String text = q.text("text", true);
        String voice = q.text("voice", true);
        String language = q.text("language", true);
        q.text("output_file", true);
        if (!q.valid()) {
            call.reply().unprocessable(q.errors());
            return;
        }
        if (refused(call)) {
            return;
        }
        if (!ctx.v1() && "auto".equals(language) && !Language.detectable(text)) {
            call.reply().json(400, Map.of("error", "Invalid value: Could not detect language"));
            return;
        }
        if (!ctx.voices().exists(voice)) {
            // AllTalk's generator fails before its first chunk: headers out, then the connection drops.
            ctx.console().error("ERROR:    Exception in ASGI application: the voice " + voice + " is not in voices/");
            call.reply().sever("audio/wav");
        }
        jobs.stream(call, text, voice, language, 1.0);
    }

    private void toFile(Call call) throws IOException {
        FormFields f = new FormFields(call.form(), "body");
        String text = f.text("text", true);
        String voice = f.text("voice", true);
        String language = f.text("language", true);
        String output = f.text("output_file", true);
        if (!f.valid()) {
            call.reply().unprocessable(f.errors());
            return;
        }
        if (refused(call)) {
            return;
        }
        String name = ctx.v1() ? output : output + ".wav";
        if (ctx.outputs().file(name) == null) {
            call.reply().json(500, Map.of("error", "An error occurred"));
            return;
        }
        jobs.speakTo(ctx.outputs().file(name), text, voice, language, 1.0);
        call.reply().json(200, Map.of("output_file_path", output));
    }

    /** Answers for an unloaded model or the fail-generate fault; true when it did. */
    private boolean refused(Call call) throws IOException {
        if (!ctx.v1() && !ctx.model().loaded()) {
            call.reply().json(400, Map.of("detail", "You currently have no TTS model loaded."));
            return true;
        }
        if (ctx.faults().failGenerate() || !ctx.model().loaded()) {
            call.reply()
                    .json(500, Map.of("error", ctx.v1() ? "An error occurred" : "An internal runtime error occurred"));
            return true;
        }
        return false;
    }
}
