package org.talkhost.gateway.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a request must pass before it goes anywhere: not TalkHost's own control paths, the token when
 * one is set, a plain file name under {@code /audio} and {@code /audiocache} (no folders, no
 * {@code ..}, nothing encoded), and a body within {@code maxBodyKb}. Answers the refusal itself.
 */
final class Admission {
    /** What AllTalk writes: letters, digits, {@code _ - .}; never a leading dot. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,254}");

    static final String CONTROL = "/talkhost";

    private static final byte[] NO_BODY = new byte[0];

    private final String token;
    private final int maxBodyBytes;

    Admission(String token, int maxBodyKb) {
        this.token = token == null ? "" : token.strip();
        this.maxBodyBytes = maxBodyKb * 1024;
    }

    /** The request as a {@link Call}, or null when it was refused (and answered). */
    Call admit(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        boolean openAi = EndpointNames.OPENAI_SPEECH.equals(path);
        if (path.equals(CONTROL) || path.startsWith(CONTROL + "/")) {
            Replies.send(
                    resp,
                    false,
                    404,
                    "TalkHost's control page is not installed here; the gateway passes only " + "AllTalk's API.",
                    null,
                    0);
            return null;
        }
        if (!token.isEmpty() && !"OPTIONS".equals(req.getMethod()) && !authorized(req.getHeader("Authorization"))) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"TalkHost gateway\"");
            Replies.send(
                    resp,
                    openAi,
                    401,
                    "This gateway needs its token: send 'Authorization: Bearer TOKEN' with the "
                            + "token from config/org.talkhost.gateway.config.",
                    "invalid_request_error",
                    0);
            return null;
        }
        String file = fileName(path);
        if (file != null && (!FILE_NAME.matcher(file).matches() || file.contains(".."))) {
            Replies.send(
                    resp,
                    false,
                    400,
                    "That is not the name of an audio file: only plain names of files in "
                            + "AllTalk's output folder are served (no folders, no '..').",
                    null,
                    0);
            return null;
        }
        byte[] body = body(req);
        if (body == null) {
            Replies.send(
                    resp,
                    openAi,
                    413,
                    "The request is larger than the gateway takes (" + maxBodyBytes / 1024
                            + " KiB). Send less, or raise maxBodyKb in config/org.talkhost.gateway.config.",
                    "invalid_request_error",
                    0);
            return null;
        }
        String query = req.getQueryString();
        String target = query == null ? path : path + "?" + query;
        return new Call(req, resp, target, headers(req), body, base(req));
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(
                header.substring(7).strip().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** The file name asked for under /audio/ or /audiocache/ (raw, still encoded), or null for other paths. */
    static String fileName(String rawPath) {
        for (String prefix : new String[] {"/audio/", "/audiocache/"}) {
            if (rawPath.startsWith(prefix)) {
                return rawPath.substring(prefix.length());
            }
        }
        return null;
    }

    /**
     * The request's body, or null when it is larger than allowed. A request with neither Content-Length nor
     * Transfer-Encoding has none (RFC 9112 section 6.3), so nothing is read, and nothing allocated, for a GET.
     */
    private byte[] body(HttpServletRequest req) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared == 0 || declared < 0 && req.getHeader("Transfer-Encoding") == null) {
            return NO_BODY;
        }
        if (declared > maxBodyBytes) {
            return null;
        }
        InputStream in = req.getInputStream();
        if (declared > 0) {
            byte[] body = new byte[(int) declared];
            int n = in.readNBytes(body, 0, body.length);
            return n == body.length ? body : Arrays.copyOf(body, n);
        }
        byte[] all = in.readNBytes(maxBodyBytes + 1);
        return all.length > maxBodyBytes ? null : all;
    }

    private List<String[]> headers(HttpServletRequest req) {
        List<String[]> out = new ArrayList<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            if (!HopHeaders.passRequest(name) || !token.isEmpty() && name.equalsIgnoreCase("Authorization")) {
                continue;
            }
            for (String value : Collections.list(req.getHeaders(name))) {
                out.add(new String[] {name, value});
            }
        }
        return out;
    }

    private static String base(HttpServletRequest req) {
        String host = req.getHeader("Host");
        if (host == null || host.isBlank()) {
            host = req.getLocalAddr() + ":" + req.getLocalPort();
        }
        return req.getScheme() + "://" + host;
    }
}
