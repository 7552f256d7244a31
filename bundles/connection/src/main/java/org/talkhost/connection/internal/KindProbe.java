package org.talkhost.connection.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.client.ServerSettings;
import org.talkhost.api.detection.ServerKind;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tells v1, v2 and the stand-in apart from {@code /api/currentsettings} (neither AllTalk reports a
 * version): v2 has {@code engines_available} / {@code current_engine_loaded}; v1 has
 * {@code deepspeed_status}, {@code low_vram_status}, {@code models_available}; the stand-in answers
 * with the fields of the flavour it imitates and marks its answers with a header (see {@link Answer#standin()}).
 */
final class KindProbe {
    private static final List<String> V2_MARKS = List.of("engines_available", "current_engine_loaded");
    private static final List<String> V1_MARKS =
            List.of("deepspeed_status", "low_vram_status", "models_available", "finetuned_model");

    private KindProbe() {}

    static ServerSettings read(Answer a) {
        JsonNode json = Json.parse(a);
        if (!json.isObject()) {
            throw notAllTalk(a);
        }
        boolean v2 = V2_MARKS.stream().anyMatch(json::has);
        boolean v1 = !v2 && V1_MARKS.stream().anyMatch(json::has);
        if (!v1 && !v2) {
            throw notAllTalk(a);
        }
        ServerKind flavour = v2 ? ServerKind.V2 : ServerKind.V1;
        ServerKind kind = a.standin() ? ServerKind.STANDIN : flavour;
        String engine = Json.text(json, v2 ? "current_engine_loaded" : "current_model_loaded");
        List<String> engines =
                v2 ? Json.texts(json, "engines_available", "name") : Json.texts(json, "models_available", "model_name");
        boolean streaming = !v2 || !json.has("streaming_capable") || Json.bool(json, "streaming_capable");
        return new ServerSettings(kind, flavour, engine, engines, streaming, v2, raw(json));
    }

    private static Map<String, Object> raw(JsonNode json) {
        Map<String, Object> all = Json.MAPPER.convertValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        all.values().removeIf(v -> v == null);
        return all;
    }

    private static ServerFailureException notAllTalk(Answer a) {
        return new ServerFailureException(
                a.status(),
                ConnectionCatalog.TEXT.text("failure.notAllTalk", a.where()),
                "currentsettings without v1 or v2 fields: " + a.summary(),
                null);
    }
}
