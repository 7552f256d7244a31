package org.talkhost.standin.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.talkhost.standin.http.Call;
import org.talkhost.standin.http.Router;

/** What only AllTalk v1 has: /ready and its own /api/currentsettings. */
public final class V1Endpoints {

    private final Context ctx;

    public V1Endpoints(Context ctx) {
        this.ctx = ctx;
    }

    public void addTo(Router router) {
        router.add("GET", "/ready", call -> call.reply().text(200, "Ready endpoint"))
                .add("GET", "/api/currentsettings", this::settings);
        new V1Generate(ctx, new SpeechJobs(ctx)).addTo(router);
    }

    private void settings(Call call) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("models_available", List.of(model("API TTS"), model("API Local"), model("XTTSv2 Local")));
        String current = ctx.model().current();
        // v1 knows no name for the finetuned model here: it reports null.
        s.put("current_model_loaded", "XTTSv2 FT".equals(current) ? null : current);
        s.put("deepspeed_available", false);
        s.put("deepspeed_status", Boolean.TRUE.equals(ctx.config().asMap().get("deepspeed_activate")));
        // Without CUDA, v1 overwrites low_vram with the string "false".
        s.put("low_vram_status", "false");
        s.put("finetuned_model", false);
        call.reply().json(200, s);
    }

    private static Map<String, Object> model(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "Coqui");
        m.put("model_name", name);
        return m;
    }
}
