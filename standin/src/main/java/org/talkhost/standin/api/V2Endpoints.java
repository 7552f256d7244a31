package org.talkhost.standin.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.talkhost.standin.http.Call;
import org.talkhost.standin.http.Router;

/** What only AllTalk v2 has: its engine-style /api/currentsettings, /settings-json, the OpenAI endpoint. */
public final class V2Endpoints {

    /** The engines v2 knows (engines_available). */
    static final List<String> ENGINES = List.of("parler", "piper", "vits", "xtts", "f5tts");

    private final Context ctx;

    public V2Endpoints(Context ctx) {
        this.ctx = ctx;
    }

    public void addTo(Router router) {
        router.add("GET", "/api/currentsettings", this::settings)
                .add("GET", "/settings-json", this::settingsJson)
                .add("GET", "/api/reload_config", call -> call.reply().text(200, "Config file reloaded successfully"))
                .add(
                        "GET",
                        "/api/rvcvoices",
                        call -> call.reply().json(200, Map.of("status", "success", "rvcvoices", List.of("Disabled"))));
        SpeechJobs jobs = new SpeechJobs(ctx);
        new V2Generate(ctx, jobs).addTo(router);
        new OpenAiSpeech(ctx, jobs).addTo(router);
    }

    private void settings(Call call) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("engines_available", ENGINES);
        s.put("current_engine_loaded", "xtts");
        s.put(
                "models_available",
                ctx.model().known().stream().map(n -> Map.of("name", n)).toList());
        s.put("current_model_loaded", ctx.model().setUp() ? ctx.model().current() : "No Models Available");
        s.put("manufacturer_name", "Coqui");
        s.put("audio_format", "wav");
        s.put("deepspeed_capable", true);
        s.put("deepspeed_available", false);
        s.put("deepspeed_enabled", false);
        s.put("generationspeed_capable", true);
        s.put("generationspeed_set", 1);
        s.put("lowvram_capable", true);
        s.put("lowvram_enabled", false);
        s.put("pitch_capable", false);
        s.put("pitch_set", 0);
        s.put("repetitionpenalty_capable", true);
        s.put("repetitionpenalty_set", 10);
        s.put("streaming_capable", true);
        s.put("temperature_capable", true);
        s.put("temperature_set", 0.75);
        s.put("ttsengines_installed", true);
        s.put("languages_capable", true);
        s.put("multivoice_capable", true);
        s.put("multimodel_capable", true);
        call.reply().json(200, s);
    }

    /** The configuration as AllTalk holds it: confignew.json, or its defaults when there is none. */
    private void settingsJson(Call call) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>(ctx.config().asMap());
        if (config.isEmpty()) {
            config.put("branding", "AllTalk ");
            config.put("output_folder", "outputs");
            config.put("gradio_port_number", 7852);
            config.put("launch_gradio", false);
            Map<String, Object> apiDef = new LinkedHashMap<>();
            apiDef.put("api_port_number", 7851);
            apiDef.put("api_max_characters", 2000);
            apiDef.put("api_use_legacy_api", false);
            apiDef.put("api_legacy_ip_address", "127.0.0.1");
            config.put("api_def", apiDef);
        }
        call.reply().json(200, config);
    }
}
