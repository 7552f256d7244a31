package org.talkhost.connection.internal;

import java.util.ArrayList;
import java.util.List;

import org.talkhost.api.client.ServerFailureException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads AllTalk's JSON answers; anything that is not valid JSON is a server failure, never a crash. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {}

    /** The answer's body as JSON; a clear {@link ServerFailureException} when it is not. */
    static JsonNode parse(Answer a) {
        JsonNode node = tryParse(a.body());
        if (node == null) {
            throw new ServerFailureException(
                    a.status(),
                    ConnectionCatalog.TEXT.text("failure.notJson", a.where()),
                    "not JSON: " + a.summary(),
                    null);
        }
        return node;
    }

    /** The body as JSON, or null when it is empty or not JSON. */
    static JsonNode tryParse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (Exception e) {
            return null;
        }
    }

    /** A text field, or "" when absent or not a value. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : "";
    }

    /** A true/false field that may also come as the string "true"/"false" (v1's low_vram_status). */
    static boolean bool(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isBoolean()
                ? v.booleanValue()
                : v.isTextual() && v.asText().trim().equalsIgnoreCase("true");
    }

    /** The texts of an array field (objects contribute {@code key}); empty when absent. */
    static List<String> texts(JsonNode node, String field, String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : node.path(field)) {
            String s = item.isObject() ? text(item, key) : item.isValueNode() ? item.asText() : "";
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
