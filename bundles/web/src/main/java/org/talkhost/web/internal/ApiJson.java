package org.talkhost.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON in and out of the API, by Jackson; the API's answers are plain maps and lists built by hand. */
final class ApiJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ApiJson() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object from a request body; an empty body is an empty object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        if (bytes.length == 0) {
            return Map.of();
        }
        Object value = MAPPER.readValue(bytes, Object.class);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(
                    "The request body must be a JSON object, for example {\"text\": \"Hello\"}.");
        }
        return (Map<String, Object>) value;
    }
}
