package org.talkhost.standin.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.talkhost.standin.Json;
import org.talkhost.standin.http.Call;
import org.talkhost.standin.http.Router;
import org.talkhost.standin.speech.Language;
import org.talkhost.standin.speech.TextFilter;
import org.talkhost.standin.speech.Transcoder;

/**
 * v2's POST /v1/audio/speech (OpenAI-compatible). AllTalk's error handling there is broken (it calls
 * response.status_code(...)), so every error reaches the client as 500 "Internal Server Error".
 * Formats other than wav need ffmpeg; without it the 500 says so.
 */
final class OpenAiSpeech {

    private static final List<String> VOICES = List.of("alloy", "echo", "fable", "nova", "onyx", "shimmer");

    private final Context ctx;
    private final SpeechJobs jobs;

    OpenAiSpeech(Context ctx, SpeechJobs jobs) {
        this.ctx = ctx;
        this.jobs = jobs;
    }

    void addTo(Router router) {
        router.add("POST", "/v1/audio/speech", this::speech);
    }

    private void speech(Call call) throws IOException {
        Map<?, ?> data;
        try {
            Object parsed = Json.parse(call.bodyText());
            data = parsed instanceof Map<?, ?> m ? m : null;
        } catch (Json.Problem e) {
            data = null;
        }
        String problem = data == null ? "the body is not a JSON object" : problem(data);
        if (problem != null) {
            ctx.console().line("[AllTalk TTS] Error Value error occurred: " + problem);
            call.reply().internalError();
            return;
        }
        if (!ctx.model().loaded()) {
            call.reply().json(400, Map.of("detail", "You currently have no TTS model loaded."));
            return;
        }
        if (ctx.faults().failGenerate()) {
            call.reply().internalError();
            return;
        }
        Object asked = data.get("response_format");
        String format = asked == null ? "wav" : String.valueOf(asked).toLowerCase(Locale.ROOT);
        if (!"wav".equals(format) && !ctx.transcoder().available()) {
            ctx.console().line("[AllTalk ENG] Error " + Transcoder.NO_FFMPEG);
            call.reply().plain(500, Transcoder.NO_FFMPEG + " Install ffmpeg, or ask for response_format \"wav\".");
            return;
        }
        double speed = speed(data.get("speed"));
        String text = TextFilter.unescapeHtml(String.valueOf(data.get("input")).replace("*", ""));
        if (!Language.detectable(text)) {
            // The endpoint always asks for "auto"; langdetect fails, and the broken handler gives 500.
            ctx.console().line("[AllTalk TTS] Error Could not detect language");
            call.reply().internalError();
            return;
        }
        String name = "openai_output_" + UUID.randomUUID() + "_" + System.currentTimeMillis() / 1000 + ".wav";
        Path wav = jobs.speakAsModelWrites(ctx.outputs().file(name), text, "female_01.wav", "auto", speed);
        Path out = "wav".equals(format) ? wav : ctx.transcoder().convert(wav, format);
        call.reply().header("content-disposition", "attachment; filename=\"output." + format + "\"");
        call.reply().send(200, "audio/" + format, Files.readAllBytes(out));
    }

    /** pydantic's float: a number, or a string holding one (lax mode); NaN for anything else. */
    private static double speed(Object value) {
        if (value == null) {
            return 1.0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** What pydantic (or the format check) would reject, or null. */
    private static String problem(Map<?, ?> data) {
        for (String key : new String[] {"model", "input", "voice"}) {
            if (!(data.get(key) instanceof String)) {
                return "Error in field '" + key + "': Field required";
            }
        }
        if (((String) data.get("input")).length() > 4096) {
            return "Error in field 'input': String should have at most 4096 characters";
        }
        if (!VOICES.contains(data.get("voice"))) {
            return "Error in field 'voice': Value error, Voice must be one of " + VOICES;
        }
        Object speed = data.get("speed");
        if (speed != null && !(speed(speed) >= 0.25 && speed(speed) <= 4.0)) {
            return "Error in field 'speed': Input should be between 0.25 and 4.0";
        }
        Object format = data.get("response_format");
        if (format != null
                && !"wav".equalsIgnoreCase(String.valueOf(format))
                && !Transcoder.FORMATS.contains(String.valueOf(format).toLowerCase(Locale.ROOT))) {
            return "Unsupported format: " + format;
        }
        return null;
    }
}
