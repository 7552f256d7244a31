package org.talkhost.standin.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * AllTalk's CORS middleware (Starlette's, allowing every origin, method and header, with credentials):
 * a preflight is answered 200 "OK" before any route is looked at, and every answer to a request with
 * an Origin echoes that origin.
 */
final class Cors {

    static final String METHODS = "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT";

    private Cors() {}

    /** Answers a preflight (OPTIONS with Origin and Access-Control-Request-Method); false for anything else. */
    static boolean preflight(Call call) throws IOException {
        String origin = call.header("origin");
        if (!"OPTIONS".equals(call.method())
                || origin == null
                || call.header("access-control-request-method") == null) {
            return false;
        }
        Reply reply = call.reply();
        reply.header("vary", "Origin");
        reply.header("access-control-allow-methods", METHODS);
        reply.header("access-control-max-age", "600");
        String asked = call.header("access-control-request-headers");
        if (asked != null) {
            reply.header("access-control-allow-headers", asked);
        }
        reply.send(200, "text/plain; charset=utf-8", "OK".getBytes(StandardCharsets.UTF_8));
        return true;
    }
}
