package org.talkhost.standin;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading answers in tests. */
final class Bodies {

    private Bodies() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<byte[]> r) throws Json.Problem {
        return (Map<String, Object>) Json.parse(Running.text(r));
    }

    static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("content-type").orElse(null);
    }

    /** The form v1 requires in full. */
    static Map<String, String> v1Form(String text) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("text_input", text);
        f.put("text_filtering", "standard");
        f.put("character_voice_gen", "female_01.wav");
        f.put("narrator_enabled", "false");
        f.put("narrator_voice_gen", "male_01.wav");
        f.put("text_not_inside", "character");
        f.put("language", "en");
        f.put("output_file_name", "bar");
        f.put("output_file_timestamp", "true");
        f.put("autoplay", "false");
        f.put("autoplay_volume", "0.8");
        return f;
    }

    static Map<String, String> with(Map<String, String> form, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.put(key, value);
        return copy;
    }

    static Map<String, String> without(Map<String, String> form, String key) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.remove(key);
        return copy;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> detail(HttpResponse<byte[]> r) throws Json.Problem {
        return (List<Map<String, Object>>) json(r).get("detail");
    }
}
