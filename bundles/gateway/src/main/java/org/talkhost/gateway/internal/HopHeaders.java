package org.talkhost.gateway.internal;

import java.util.Locale;
import java.util.Set;

/** Headers that belong to one connection (RFC 9110 section 7.6.1) and are never passed on. */
final class HopHeaders {
    private static final Set<String> HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "trailers",
            "transfer-encoding",
            "upgrade");
    /** Set again by the client library for the other side. */
    private static final Set<String> REQUEST_OWN = Set.of("host", "content-length", "expect");

    private HopHeaders() {}

    /** Content-Length is set from the body sent; Date comes from the runtime (one Date header, not two). */
    static boolean passResponse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP.contains(n) && !n.equals("content-length") && !n.equals("date");
    }

    static boolean passRequest(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP.contains(n) && !REQUEST_OWN.contains(n);
    }
}
