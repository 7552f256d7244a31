package org.talkhost.connection.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.talkhost.api.client.GenerateRequest;
import org.talkhost.api.client.RejectedInputException;

/**
 * The form fields of {@code /api/tts-generate} and the query of the streaming endpoint. v1 requires
 * every field and checks them, so each is filled from a default and checked here before sending; v2
 * needs only {@code text_input} and takes {@code narrator_enabled} as the string true/false/silent.
 */
final class GenerateForm {
    static final String DEFAULT_VOICE = "female_01.wav";
    static final String DEFAULT_NARRATOR = "male_01.wav";
    static final String DEFAULT_LANGUAGE = "en";
    static final String DEFAULT_NAME = "talkhost";
    static final int V1_MAX_TEXT = 2000;
    static final List<String> V1_LANGUAGES = List.of(
            "en", "fr", "de", "es", "it", "pt", "pl", "tr", "ru", "nl", "cs", "ar", "zh-cn", "ja", "hu", "ko", "hi");
    private static final Set<String> V1_FIELDS = Set.of(
            "text_filtering",
            "character_voice_gen",
            "narrator_voice_gen",
            "narrator_enabled",
            "text_not_inside",
            "language",
            "output_file_name",
            "output_file_timestamp",
            "autoplay",
            "autoplay_volume");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_]+");

    private GenerateForm() {}

    /** Every v1 field, defaults filled in, checked; {@code extra} may override v1 fields (others are v2-only). */
    static Map<String, String> v1(GenerateRequest r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("text_input", r.text());
        f.put("text_filtering", "standard");
        f.put("character_voice_gen", or(r.voice(), DEFAULT_VOICE));
        f.put("narrator_enabled", String.valueOf(r.narrator()));
        f.put("narrator_voice_gen", or(r.narratorVoice(), DEFAULT_NARRATOR));
        f.put("text_not_inside", "character");
        f.put("language", or(r.language(), DEFAULT_LANGUAGE));
        f.put("output_file_name", or(r.outputFileName(), DEFAULT_NAME));
        f.put("output_file_timestamp", String.valueOf(r.timestamp()));
        f.put("autoplay", "false");
        f.put("autoplay_volume", "0.8");
        r.extra().forEach((k, v) -> {
            if (V1_FIELDS.contains(k)) {
                f.put(k, v);
            }
        });
        checkV1(f);
        return f;
    }

    /** {@code text_input} and only the fields given. */
    static Map<String, String> v2(GenerateRequest r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("text_input", r.text());
        putIfGiven(f, "character_voice_gen", r.voice());
        putIfGiven(f, "narrator_voice_gen", r.narratorVoice());
        f.put("narrator_enabled", r.narrator() ? "true" : "false");
        putIfGiven(f, "language", r.language());
        putIfGiven(f, "output_file_name", r.outputFileName());
        f.put("output_file_timestamp", String.valueOf(r.timestamp()));
        f.putAll(r.extra());
        return f;
    }

    /** The query of {@code GET /api/tts-generate-streaming}: text, voice, language, output_file. */
    static Map<String, String> streaming(GenerateRequest r, boolean v1) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("text", r.text());
        q.put("voice", or(r.voice(), DEFAULT_VOICE));
        q.put("language", or(r.language(), DEFAULT_LANGUAGE));
        q.put("output_file", or(r.outputFileName(), DEFAULT_NAME + "_stream"));
        if (v1) {
            checkText(r.text());
            checkVoice("voice", q.get("voice"));
            checkLanguage("language", q.get("language"));
        }
        return q;
    }

    private static void checkV1(Map<String, String> f) {
        checkText(f.get("text_input"));
        checkVoice("character_voice_gen", f.get("character_voice_gen"));
        checkVoice("narrator_voice_gen", f.get("narrator_voice_gen"));
        checkLanguage("language", f.get("language"));
        if (!NAME.matcher(f.get("output_file_name")).matches()) {
            throw reject("output_file_name", "rejected.name", f.get("output_file_name"));
        }
        oneOf("text_filtering", f.get("text_filtering"), List.of("none", "standard", "html"));
        oneOf("text_not_inside", f.get("text_not_inside"), List.of("character", "narrator"));
        double volume;
        try {
            volume = Double.parseDouble(f.get("autoplay_volume"));
        } catch (NumberFormatException e) {
            volume = -1;
        }
        if (!(volume >= 0.1 && volume <= 1.0)) {
            throw reject("autoplay_volume", "rejected.volume", f.get("autoplay_volume"));
        }
    }

    private static void checkText(String text) {
        if (text.length() > V1_MAX_TEXT) {
            throw reject("text_input", "rejected.textLength", text.length(), V1_MAX_TEXT);
        }
    }

    private static void checkVoice(String field, String voice) {
        if (!voice.endsWith(".wav")) {
            throw reject(field, "rejected.voice", voice);
        }
    }

    private static void checkLanguage(String field, String language) {
        if (!V1_LANGUAGES.contains(language)) {
            throw reject(field, "rejected.language", language, String.join(", ", V1_LANGUAGES));
        }
    }

    private static void oneOf(String field, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw reject(field, "rejected.oneOf", field, value, String.join(", ", allowed));
        }
    }

    private static RejectedInputException reject(String field, String key, Object... args) {
        return new RejectedInputException(
                field,
                ConnectionCatalog.TEXT.text(key, args),
                "checked before sending to AllTalk v1: " + field + " = " + args[0]);
    }

    private static void putIfGiven(Map<String, String> f, String key, String value) {
        if (!value.isBlank()) {
            f.put(key, value);
        }
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
