package org.talkhost.standin.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.talkhost.standin.files.FileStamp;
import org.talkhost.standin.http.Call;
import org.talkhost.standin.http.Router;

/** Endpoints both flavours have, with each flavour's small differences. */
public final class CommonEndpoints {

    private final Context ctx;

    public CommonEndpoints(Context ctx) {
        this.ctx = ctx;
    }

    public void addTo(Router router) {
        router.add("GET", "/", this::home)
                .add("GET", "/api/ready", this::ready)
                .add("GET", "/api/voices", this::voices)
                .add("PUT", "/api/stop-generation", this::stop)
                .add("POST", "/api/reload", this::reload)
                .add("GET", "/audio/{}", call -> audio(call, false))
                .add("GET", "/audiocache/{}", call -> audio(call, true));
        new Streaming(ctx).addTo(router);
        new PreviewVoice(ctx).addTo(router);
        new SettingEndpoints(ctx).addTo(router);
    }

    private void home(Call call) throws IOException {
        call.reply()
                .html(
                        200,
                        "<!DOCTYPE html><html><head><title>AllTalk TTS</title></head><body>"
                                + "<h1>AllTalk TTS " + ctx.flavor().label()
                                + "</h1><p>TalkHost stand-in: the API answers like AllTalk; "
                                + "speech comes from " + ctx.speech().kind() + ".</p></body></html>");
    }

    private void ready(Call call) throws IOException {
        call.reply().text(200, ctx.v1() || ctx.model().setUp() ? "Ready" : "Unloaded");
    }

    private void voices(Call call) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (ctx.v1()) {
            body.put("voices", ctx.voices().wavFiles());
        } else {
            body.put("status", "success");
            body.put("voices", ctx.voices().v2List());
        }
        call.reply().json(200, body);
    }

    private void stop(Call call) throws IOException {
        boolean stopping = ctx.generator().requestStop();
        if (stopping) {
            ctx.console().line("[AllTalk TTSGen] Stopping audio generation.");
        }
        call.reply()
                .json(200, Map.of("message", ctx.v1() ? "Generation stopped" : "Cancelling current TTS generation"));
    }

    /**
     * Both flavours register this with Starlette's bare @app.route and return a dict for an unknown
     * name, which Starlette cannot send: the client sees 500 "Internal Server Error".
     */
    private void reload(Call call) throws IOException {
        String name = call.query().get("tts_method");
        if (name == null || !ctx.model().known().contains(name)) {
            ctx.console().line("[AllTalk API] Error Invalid TTS method requested: " + name);
            call.reply().internalError();
            return;
        }
        if (!ctx.v1() && ctx.model().changing()) {
            call.reply().rawJson(200, "{\"status\": \"model-is currently changing\"}");
            return;
        }
        ctx.console()
                .line("[AllTalk Model] Changing model (Please wait "
                        + ctx.options().reloadSeconds() + " seconds)");
        try {
            ctx.model().change(name, ctx.options().reloadSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.reply().internalError();
            return;
        }
        ctx.console().line("[AllTalk Model] Model Loaded: " + name);
        call.reply().rawJson(200, "{\"status\": \"model-success\"}");
    }

    /** v1 answers 500 for a missing /audio/ file (FileResponse fails); everything else missing is 404. */
    private void audio(Call call, boolean cache) throws IOException {
        String name = Router.lastSegment(call);
        Path file = ctx.outputs().file(name);
        if (file == null || !Files.isRegularFile(file)) {
            if (ctx.v1() && !cache) {
                ctx.console()
                        .error("RuntimeError: File at path "
                                + ctx.outputs().dir().resolve(name) + " does not exist.");
                call.reply().internalError();
            } else {
                call.reply().json(404, Map.of("detail", "File not found"));
            }
            return;
        }
        FileStamp stamp = FileStamp.of(file);
        call.reply().header("last-modified", stamp.httpDate());
        if (cache) {
            call.reply().header("content-disposition", "attachment; filename=\"" + name + "\"");
            call.reply().header("cache-control", "public, max-age=604800");
            call.reply().header("etag", stamp.pythonMtime());
        } else {
            call.reply().header("etag", stamp.starletteEtag());
        }
        call.reply().send(200, cache ? "audio/wav" : "audio/x-wav", Files.readAllBytes(file));
    }
}
