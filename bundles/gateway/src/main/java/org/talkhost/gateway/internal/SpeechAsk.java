package org.talkhost.gateway.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An OpenAI speech request ({@code model}, {@code input}, {@code voice}, {@code response_format},
 * {@code speed}), checked as OpenAI checks it, and the AllTalk v1 generation form that says the same.
 */
record SpeechAsk(String input, String voice, String format, double speed) {

    /** A request OpenAI would refuse; {@code param} names the field at fault. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        final String param;

        Invalid(String message, String param) {
            super(message);
            this.param = param;
        }
    }

    static SpeechAsk parse(byte[] body, VoiceMap voices) throws Invalid {
        JsonNode json = json(new String(body, StandardCharsets.UTF_8));
        if (json == null || !json.isObject()) {
            throw new Invalid("The body must be a JSON object with model, input and voice.", null);
        }
        JsonNode input = json.get("input");
        if (input == null || !input.isTextual() || input.asText().isBlank()) {
            throw new Invalid("'input' is required: the text to speak.", "input");
        }
        if (input.asText().length() > OpenAiSpeech.MAX_INPUT) {
            throw new Invalid("'input' is longer than " + OpenAiSpeech.MAX_INPUT + " characters.", "input");
        }
        JsonNode v = json.get("voice");
        String voice = v == null || !v.isTextual() ? null : voices.voiceFor(v.asText());
        if (voice == null) {
            throw new Invalid(
                    "'voice' must be one of " + voices.names() + " (or an AllTalk voice file ending in .wav).",
                    "voice");
        }
        JsonNode f = json.get("response_format");
        String format = f == null || f.isNull() ? "wav" : f.asText().toLowerCase(Locale.ROOT);
        JsonNode s = json.get("speed");
        double speed = s == null || s.isNull() ? 1.0 : s.asDouble(Double.NaN);
        if (!(speed >= 0.25 && speed <= 4.0)) {
            throw new Invalid("'speed' must be between 0.25 and 4.0.", "speed");
        }
        return new SpeechAsk(input.asText(), voice, format, speed);
    }

    /** The AllTalk v1 {@code /api/tts-generate} form: every field v1 requires, the character voice speaking. */
    String v1Form() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("text_input", input);
        f.put("text_filtering", "standard");
        f.put("character_voice_gen", voice);
        f.put("narrator_enabled", "false");
        f.put("narrator_voice_gen", voice);
        f.put("text_not_inside", "character");
        f.put("language", "en");
        f.put("output_file_name", "openai_speech");
        f.put("output_file_timestamp", "true");
        f.put("autoplay", "false");
        f.put("autoplay_volume", "0.8");
        return f.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Parsed JSON, or null when {@code text} is not JSON. */
    static JsonNode json(String text) {
        try {
            return Replies.JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
