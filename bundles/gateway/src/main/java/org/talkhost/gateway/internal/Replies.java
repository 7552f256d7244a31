package org.talkhost.gateway.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The gateway's own answers (refusals, waits that ran out): one plain sentence for AllTalk's endpoints,
 * OpenAI's error JSON for {@code /v1/audio/speech}.
 */
final class Replies {
    static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {}

    static void say(Call call, int status, String sentence, String openAiType) {
        send(call.response, EndpointNames.OPENAI_SPEECH.equals(call.path()), status, sentence, openAiType, 0);
    }

    /** Answers {@code status} with {@code sentence}; {@code retryAfter} > 0 adds a Retry-After header. */
    static void send(
            HttpServletResponse out, boolean openAi, int status, String sentence, String openAiType, int retryAfter) {
        if (out.isCommitted()) {
            return;
        }
        out.resetBuffer();
        out.setStatus(status);
        if (retryAfter > 0) {
            out.setHeader("Retry-After", String.valueOf(retryAfter));
        }
        byte[] body;
        if (openAi) {
            out.setContentType("application/json");
            body = openAiError(sentence, openAiType, null).getBytes(StandardCharsets.UTF_8);
        } else {
            out.setContentType("text/plain; charset=utf-8");
            body = (sentence + "\n").getBytes(StandardCharsets.UTF_8);
        }
        out.setContentLength(body.length);
        try {
            out.getOutputStream().write(body);
        } catch (IOException e) {
            // the client left; nothing to tell it
        }
    }

    /** An OpenAI-style error naming the parameter at fault (or none). */
    static void sendOpenAi(HttpServletResponse out, int status, String message, String type, String param) {
        if (out.isCommitted()) {
            return;
        }
        out.resetBuffer();
        out.setStatus(status);
        out.setContentType("application/json");
        byte[] body = openAiError(message, type, param).getBytes(StandardCharsets.UTF_8);
        out.setContentLength(body.length);
        try {
            out.getOutputStream().write(body);
        } catch (IOException e) {
            // the client left
        }
    }

    /** {@code {"error":{"message":...,"type":...,"param":...,"code":null}}}, as OpenAI's API answers. */
    static String openAiError(String message, String type, String param) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", message);
        e.put("type", type);
        if (param == null) {
            e.putNull("param");
        } else {
            e.put("param", param);
        }
        e.putNull("code");
        return root.toString();
    }

    /** 503 with Retry-After: AllTalk stayed unavailable, or too many requests wait. */
    static void unavailable(Call call, String sentence, int retryAfterSeconds) {
        send(
                call.response,
                EndpointNames.OPENAI_SPEECH.equals(call.path()),
                503,
                sentence,
                "server_error",
                Math.max(1, retryAfterSeconds));
    }
}
