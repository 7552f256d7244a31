package org.talkhost.connection.internal;

import java.util.List;
import java.util.Locale;

import org.talkhost.api.client.AllTalkException;
import org.talkhost.api.client.RejectedInputException;
import org.talkhost.api.client.ServerFailureException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Understands AllTalk's own error shapes: 400 {@code {"error":..}}, 422 {@code {"detail":[{"loc":..,"msg":..}]}},
 * 400 "no TTS model loaded", 404, 507 (out of memory), 500 as plain text or
 * {@code {"status":"generate-failure"}}, and 200 answers whose JSON says {@code "status":"error"}.
 */
final class ErrorMapper {
    /** Request fields AllTalk may complain about, to find the field in a free-text message. */
    static final List<String> FIELDS = List.of(
            "text_input",
            "text_filtering",
            "character_voice_gen",
            "narrator_voice_gen",
            "narrator_enabled",
            "text_not_inside",
            "language",
            "output_file_name",
            "output_file_timestamp",
            "autoplay_volume",
            "autoplay",
            "tts_method",
            "response_format",
            "input",
            "voice",
            "speed");

    private static final List<String> LOCATIONS = List.of("body", "query", "path", "header");

    private ErrorMapper() {}

    /** The error an unsuccessful answer (status not 2xx) stands for. */
    static AllTalkException map(Answer a) {
        JsonNode json = Json.tryParse(a.body());
        JsonNode detail = json == null ? null : json.path("detail");
        if (detail != null && detail.isArray() && detail.size() > 0) {
            return rejected(detail.get(0), a);
        }
        String said = json == null ? plain(a) : reason(json);
        if (said.toLowerCase(Locale.ROOT).contains("no tts model loaded")) {
            return new ServerFailureException(
                    a.status(), ConnectionCatalog.TEXT.text("failure.noModel", a.where()), a.summary(), null);
        }
        if (a.status() == 400 || a.status() == 422) {
            String field = fieldIn(said);
            return new RejectedInputException(
                    field,
                    ConnectionCatalog.TEXT.text(
                            "rejected.field",
                            field.isEmpty() ? "request" : field,
                            said.isEmpty() ? "no reason given" : said),
                    a.summary());
        }
        boolean generateFailure = json != null && Json.text(json, "status").equals("generate-failure");
        String key;
        switch (a.status()) {
            case 404:
            case 405:
                key = generateFailure ? "failure.resourceMissing" : "failure.notFound";
                break;
            case 403:
                key = "failure.forbidden";
                break;
            case 507:
                key = "failure.outOfMemory";
                break;
            default:
                // Real AllTalk answers an unknown voice with 500 generate-failure (v2: "TTS generation failed").
                key = generateFailure ? "failure.generateFailed" : "failure.server";
        }
        return new ServerFailureException(
                a.status(),
                ConnectionCatalog.TEXT.text(key, a.where(), said.isEmpty() ? "no reason given" : said, a.path()),
                a.summary(),
                null);
    }

    /** Throws when a successful (2xx) JSON answer says that it failed. */
    static void check(JsonNode json, Answer a) {
        String status = Json.text(json, "status").toLowerCase(Locale.ROOT);
        if (status.equals("error") || status.endsWith("failure")) {
            String said = reason(json);
            throw new ServerFailureException(
                    a.status(),
                    ConnectionCatalog.TEXT.text("failure.server", a.where(), said.isEmpty() ? status : said, a.path()),
                    a.summary(),
                    null);
        }
    }

    private static RejectedInputException rejected(JsonNode first, Answer a) {
        String field = "";
        for (JsonNode part : first.path("loc")) {
            if (part.isTextual() && !LOCATIONS.contains(part.asText())) {
                field = part.asText();
            }
        }
        String msg = Json.text(first, "msg");
        if (msg.toLowerCase(Locale.ROOT).equals("field required")) {
            msg = "it is missing";
        }
        return new RejectedInputException(
                field,
                ConnectionCatalog.TEXT.text(
                        "rejected.field", field.isEmpty() ? "request" : field, msg.isEmpty() ? "no reason given" : msg),
                a.summary());
    }

    /** What AllTalk said in its JSON: message, error or detail. */
    static String reason(JsonNode json) {
        for (String key : List.of("message", "error", "detail")) {
            String s = Json.text(json, key);
            if (!s.isBlank()) {
                return shorten(s);
            }
        }
        return "";
    }

    /** A plain-text body as said, unless it is a web page or empty. */
    private static String plain(Answer a) {
        String t = a.excerpt();
        return t.startsWith("<") ? "" : shorten(t);
    }

    /** The field named first in a message ("character_voice_gen needs to be ..."), or "". */
    static String fieldIn(String message) {
        String found = "";
        int at = Integer.MAX_VALUE;
        for (String f : FIELDS) {
            int i = message.indexOf(f);
            if (i >= 0 && (i < at || i == at && f.length() > found.length())) {
                found = f;
                at = i;
            }
        }
        return found;
    }

    private static String shorten(String s) {
        String t = s.replaceAll("\\s+", " ").trim().replaceAll("\\.+$", "");
        return t.length() > 160 ? t.substring(0, 160) + "..." : t;
    }
}
