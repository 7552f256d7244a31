package org.talkhost.standin.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.talkhost.standin.http.Call;
import org.talkhost.standin.http.FormFields;
import org.talkhost.standin.http.Router;
import org.talkhost.standin.speech.Language;
import org.talkhost.standin.speech.TextFilter;

/** v2's POST /api/tts-generate: only text_input is required; the rest default from confignew.json. */
final class V2Generate {

    private static final String VOICE = "[^<>\"|?*]+";
    private static final String VOICE_TEXT =
            "character_voice_gen needs to be the name of a valid voice for the loaded TTS engine.";

    private final Context ctx;
    private final SpeechJobs jobs;

    V2Generate(Context ctx, SpeechJobs jobs) {
        this.ctx = ctx;
        this.jobs = jobs;
    }

    void addTo(Router router) {
        router.add("POST", "/api/tts-generate", this::ttsGenerate);
    }

    private Object def(String key, Object fallback) {
        return ctx.config().apiDef(key, fallback);
    }

    private void ttsGenerate(Call call) throws IOException {
        FormFields f = new FormFields(call.form(), "body");
        String text = f.text("text_input", true);
        String filtering = or(f.text("text_filtering", false), def("api_text_filtering", "standard"));
        String character = or(f.text("character_voice_gen", false), "female_01.wav");
        f.text("rvccharacter_voice_gen", false);
        f.number("rvccharacter_pitch", false);
        String narrator = or(f.text("narrator_enabled", false), def("api_narrator_enabled", "false"));
        String narratorVoice = or(f.text("narrator_voice_gen", false), "male_01.wav");
        f.text("rvcnarrator_voice_gen", false);
        f.number("rvcnarrator_pitch", false);
        String notInside = or(f.text("text_not_inside", false), def("api_text_not_inside", "character"));
        String language = or(f.text("language", false), def("api_language", "en"));
        String name = or(f.text("output_file_name", false), def("api_output_file_name", "myoutputfile"));
        Boolean timestamp = f.bool("output_file_timestamp", false);
        f.bool("autoplay", false);
        Double volume = f.number("autoplay_volume", false);
        f.bool("streaming", false);
        Double speed = f.number("speed", false);
        Double temperature = f.number("temperature", false);
        Double penalty = f.number("repetition_penalty", false);
        Double pitch = f.number("pitch", false);
        if (!f.valid()) {
            call.reply().unprocessable(f.errors());
            return;
        }
        int max = (int) number(def("api_max_characters", 2000), 2000);
        Pydantic p = new Pydantic();
        p.maxLength("text_input", text, max, "text_input needs to be " + max + " characters or less.");
        p.pattern(
                "text_filtering",
                filtering,
                "(none|standard|html)",
                "text_filtering needs to be 'none', 'standard' or 'html'.");
        p.pattern("character_voice_gen", character, VOICE, VOICE_TEXT);
        p.pattern(
                "narrator_enabled",
                narrator,
                "(true|false|silent)",
                "narrator_enabled needs to be 'true', 'false' or 'silent'.");
        p.pattern("narrator_voice_gen", narratorVoice, VOICE, VOICE_TEXT);
        p.pattern(
                "text_not_inside",
                notInside,
                "(character|narrator|silent)",
                "text_not_inside needs to be 'character', 'narrator' or 'silent'.");
        p.pattern(
                "language",
                language,
                "(auto|ar|zh-cn|zh|cs|nl|en|fr|de|hu|hi|it|ja|ko|pl|pt|ru|es|tr)",
                "language needs to be one of the following: auto, ar, zh-cn, zh, cs, nl, en, fr, de, hu, hi, it, ja, ko, pl, pt, ru, es, tr.");
        p.pattern(
                "output_file_name",
                name,
                "[a-zA-Z0-9_]+",
                "output_file_name needs to be the name without any special characters or file extension, e.g., 'filename'.");
        p.range(
                "autoplay_volume",
                or(volume, def("api_autoplay_volume", 0.5)),
                0.1,
                1.0,
                "autoplay_volume needs to be from 0.1 to 1.0.");
        p.range("speed", or(speed, 1.0), 0.25, 2.0, "speed needs to be between 0.25 and 2.0.");
        p.range("pitch", or(pitch, 0.0), -10, 10, "pitch needs to be between -10 and 10.");
        p.range("temperature", or(temperature, 0.75), 0.1, 1.0, "temperature needs to be between 0.1 and 1.0.");
        p.range(
                "repetition_penalty",
                or(penalty, 10.0),
                1.0,
                20.0,
                "repetition_penalty needs to be between 1.0 and 20.0.");
        if (!p.valid()) {
            ctx.console().line("[AllTalk API] Error Error with API request: " + p.v2Text());
            call.reply().json(400, Map.of("error", p.v2Text()));
            return;
        }
        if (!ctx.model().loaded()) {
            call.reply().json(400, Map.of("detail", "You currently have no TTS model loaded."));
            return;
        }
        if (ctx.faults().failGenerate()) {
            call.reply().json(500, Map.of("status", "generate-failure", "error", "TTS generation failed"));
            return;
        }
        boolean stamp = timestamp != null ? timestamp : !Boolean.FALSE.equals(def("api_output_file_timestamp", true));
        // v2 reads "streaming" and then ignores it: the answer is always JSON.
        GenerateRequest r = new GenerateRequest(
                text,
                filtering,
                character,
                narrator,
                narratorVoice,
                notInside,
                language,
                name,
                stamp,
                or(speed, 1.0),
                false);
        if ("auto".equals(language) && !Language.detectable(TextFilter.apply(text, filtering))) {
            ctx.console().line("[AllTalk TTS] Error Could not detect language");
            call.reply().json(400, Map.of("status", "generate-failure", "error", "Could not detect language"));
            return;
        }
        if (!r.narrated() && !ctx.voices().exists(character)) {
            ctx.console().note("The voice " + character + " is not in voices/, so AllTalk fails to generate.");
            call.reply().json(500, Map.of("status", "generate-failure", "error", "TTS generation failed"));
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

    private static String or(String value, Object fallback) {
        return value != null ? value : String.valueOf(fallback);
    }

    private static Double or(Double value, Object fallback) {
        return value != null ? value : number(fallback, 0);
    }

    /** A number from confignew.json, which may hold it as a number or as text. */
    private static double number(Object value, double fallback) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
