package org.talkhost.standin.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.talkhost.standin.Json;
import org.talkhost.standin.http.Call;
import org.talkhost.standin.http.FormFields;
import org.talkhost.standin.http.Router;

/**
 * The setting endpoints real AllTalk has besides speech: POST /api/lowvramsetting and /api/deepspeed
 * (both flavours; a bool query parameter, 200 JSON with status and message), and v2's POST
 * /api/enginereload and PUT /api/openai-voicemap. Nothing here changes how the stand-in speaks.
 */
final class SettingEndpoints {

    private static final String[] OPENAI_VOICES = {"alloy", "echo", "fable", "nova", "onyx", "shimmer"};

    private final Context ctx;
    private volatile boolean lowVram;
    private volatile boolean deepSpeed;

    SettingEndpoints(Context ctx) {
        this.ctx = ctx;
    }

    void addTo(Router router) {
        router.add("POST", "/api/lowvramsetting", call -> toggle(call, "new_low_vram_value", "LowVRAM", true))
                .add("POST", "/api/deepspeed", call -> toggle(call, "new_deepspeed_value", "DeepSpeed", false));
        if (!ctx.v1()) {
            router.add("POST", "/api/enginereload", this::engineReload)
                    .add("PUT", "/api/openai-voicemap", this::voiceMap);
        }
    }

    /** Both answer with json.dumps text and no Content-Type (a bare Response), like the real ones. */
    private void toggle(Call call, String parameter, String what, boolean isLowVram) throws IOException {
        FormFields q = new FormFields(call.query(), "query");
        Boolean wanted = q.bool(parameter, true);
        if (!q.valid()) {
            call.reply().unprocessable(q.errors());
            return;
        }
        boolean now = isLowVram ? lowVram : deepSpeed;
        String branding = ctx.v1() ? "[AllTalk Model] " : "";
        String message;
        if (now == wanted) {
            message = branding + what + " is already " + (wanted ? "enabled" : "disabled") + ".";
        } else {
            if (isLowVram) {
                lowVram = wanted;
            } else {
                deepSpeed = wanted;
            }
            message = branding + what + " is now " + (wanted ? "enabled" : "disabled") + ".";
        }
        call.reply().text(200, "{\"status\": \"success\", \"message\": " + Json.write(message) + "}");
    }

    /** A known engine answers engine-success (the real server then restarts itself; the stand-in does not). */
    private void engineReload(Call call) throws IOException {
        String engine = call.query().get("engine");
        if (engine == null || !V2Endpoints.ENGINES.contains(engine)) {
            ctx.console().line("[AllTalk API] Invalid engine requested: " + engine);
            call.reply().json(200, Map.of("status", "error", "message", "Invalid TTS engine specified"));
            return;
        }
        call.reply().rawJson(200, "{\"status\": \"engine-success\"}");
    }

    /** A JSON body with all six OpenAI voices as text; anything less is FastAPI's 422. */
    private void voiceMap(Call call) throws IOException {
        Object parsed;
        try {
            parsed = Json.parse(call.bodyText());
        } catch (Json.Problem e) {
            parsed = null;
        }
        Map<?, ?> data = parsed instanceof Map<?, ?> m ? m : Map.of();
        Map<String, String> given = new LinkedHashMap<>();
        for (String voice : OPENAI_VOICES) {
            if (data.get(voice) instanceof String s) {
                given.put(voice, s);
            }
        }
        FormFields f = new FormFields(given, "body");
        for (String voice : OPENAI_VOICES) {
            f.text(voice, true);
        }
        if (!f.valid()) {
            call.reply().unprocessable(f.errors());
            return;
        }
        call.reply().json(200, Map.of("message", "OpenAI voice mappings updated successfully"));
    }
}
