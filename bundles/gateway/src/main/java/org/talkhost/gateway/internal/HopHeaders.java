package org.talkhost.gateway.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Headers that belong to one connection (RFC 9110 section 7.6.1) and are never passed on. */
final class HopHeaders {
    private static final List<String> HOP = List.of(
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
    private static final List<String> REQUEST_OWN = List.of("host", "content-length", "expect");
    /** Content-Length is set from the body sent; Date comes from the runtime (one Date header, not two). */
    private static final List<String> RESPONSE_OWN = List.of("content-length", "date");

    // looked up ignoring case, without lower-casing (a new string) every header name of every request
    private static final Set<String> NOT_REQUEST = ignoringCase(HOP, REQUEST_OWN);
    private static final Set<String> NOT_RESPONSE = ignoringCase(HOP, RESPONSE_OWN);

    private HopHeaders() {}

    static boolean passResponse(String name) {
        return !NOT_RESPONSE.contains(name);
    }

    static boolean passRequest(String name) {
        return !NOT_REQUEST.contains(name);
    }

    private static Set<String> ignoringCase(List<String> a, List<String> b) {
        Set<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        s.addAll(a);
        s.addAll(b);
        return s;
    }
}
