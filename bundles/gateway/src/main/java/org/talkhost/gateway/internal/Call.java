package org.talkhost.gateway.internal;

import java.util.List;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One request through the gateway, kept whole so that it can be sent again after a wait: what the
 * client asked (method, raw path and query, headers, body) and where it stands.
 */
final class Call {
    final HttpServletRequest request;
    final HttpServletResponse response;
    final String method;
    /** Path and query exactly as the client sent them (still percent-encoded). */
    final String target;

    final List<String[]> headers;
    final byte[] body;
    /** How the client reached the gateway, e.g. {@code http://127.0.0.1:7850}: for rewritten audio URLs. */
    final String gatewayBase;

    final String endpoint;
    final long startNanos = System.nanoTime();
    /** Set when the request first had to wait. */
    volatile long heldSinceNanos;

    volatile String heldBecause;
    /** True once it was sent a second time after AllTalk died under it. */
    volatile boolean resent;

    volatile AsyncContext async;
    /** The AllTalk instance the call was last sent to. */
    volatile AllTalkWhere member;

    Call(
            HttpServletRequest request,
            HttpServletResponse response,
            String target,
            List<String[]> headers,
            byte[] body,
            String gatewayBase) {
        this.request = request;
        this.response = response;
        this.method = request.getMethod();
        this.target = target;
        this.headers = headers;
        this.body = body;
        this.gatewayBase = gatewayBase;
        this.endpoint = EndpointNames.of(target);
    }

    String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }
}
