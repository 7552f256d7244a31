package org.talkhost.web.internal;

import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** How the API answers: JSON, one plain sentence for a refusal or an error, and the access check. */
final class Answers {
    private Answers() {}

    static void json(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(ApiJson.write(body));
    }

    /** One plain sentence, as text (what a person reads in curl or on the page). */
    static void plain(HttpServletResponse resp, int status, String sentence) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(sentence + "\n");
    }

    /**
     * Checks the caller may read ({@code change} false) or change; answers 401 with one plain sentence
     * and returns false when not.
     */
    static boolean allowed(AccessRule rule, HttpServletRequest req, HttpServletResponse resp, boolean change)
            throws IOException {
        String refusal = rule.refusal(change, req.getRemoteAddr(), req.getHeader("Authorization"));
        if (refusal == null) {
            return true;
        }
        resp.setHeader("WWW-Authenticate", "Bearer realm=\"TalkHost\"");
        plain(resp, 401, refusal);
        return false;
    }
}
