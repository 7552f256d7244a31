package org.talkhost.gateway.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.talkhost.api.config.ServerAddress;

/**
 * Passes one request to AllTalk and its answer back unchanged: status, headers (not the hop-by-hop
 * ones), body. An answer without a length (the audio stream) goes on chunk by chunk as it comes; a
 * JSON answer naming an audio URL gets that URL pointed at the gateway.
 */
final class Forwarder implements Handler {
    static final int CHUNK = 16 * 1024;
    static final int MAX_JSON = 4 * 1024 * 1024;

    private final Upstream upstream;
    private final Pool pool;

    Forwarder(Upstream upstream, Pool pool) {
        this.upstream = upstream;
        this.pool = pool;
    }

    @Override
    public Outcome handle(Call call, ServerAddress at) throws ClientGone {
        RawRequest request = Upstream.request(at, call.method, call.target);
        for (String[] h : call.headers) {
            request.addHeader(h[0], h[1]);
        }
        if (call.body.length > 0
                || "POST".equals(call.method)
                || "PUT".equals(call.method)
                || "PATCH".equals(call.method)) {
            request.setEntity(new ByteArrayEntity(call.body, null));
        }
        HttpServletResponse out = call.response;
        try (ClassicHttpResponse answer = upstream.send(at, request)) {
            try {
                copy(call, answer, out, pool);
            } catch (ClientGone e) {
                request.cancel();
                throw e;
            }
            return Outcome.DONE;
        } catch (Upstream.Unreached e) {
            return Outcome.UNREACHED;
        } catch (IOException e) {
            request.cancel();
            if (out.isCommitted()) {
                return Outcome.DONE; // part of the answer is out: end it where AllTalk stopped
            }
            out.reset();
            return Outcome.DIED;
        }
    }

    static void copy(Call call, ClassicHttpResponse answer, HttpServletResponse out, Pool pool)
            throws IOException, ClientGone {
        out.setStatus(answer.getCode());
        for (Header h : answer.getHeaders()) {
            if (HopHeaders.passResponse(h.getName())) {
                if (out.containsHeader(h.getName())) {
                    out.addHeader(h.getName(), h.getValue());
                } else {
                    out.setHeader(h.getName(), h.getValue());
                }
            }
        }
        HttpEntity entity = answer.getEntity();
        if (entity == null) {
            return;
        }
        long length = entity.getContentLength();
        String type = entity.getContentType();
        if (type != null
                && type.contains("json")
                && length >= 0
                && length <= MAX_JSON
                && call.path().startsWith("/api/")) {
            byte[] body = entity.getContent().readAllBytes();
            String json = new String(body, StandardCharsets.UTF_8);
            if (UrlRewrite.applies(json)) {
                if (pool != null && call.member != null) {
                    pool.made(json, call.member);
                }
                body = UrlRewrite.rewrite(json, call.gatewayBase).getBytes(StandardCharsets.UTF_8);
            }
            out.setContentLength(body.length);
            write(out, body, body.length, false);
            return;
        }
        if (length >= 0) {
            out.setContentLengthLong(length);
        }
        boolean flushEach = length < 0;
        // no bigger than the answer (/api/ready's five bytes need no 16 KiB of garbage on every call); at least
        // one byte, so that reading an empty body ends
        byte[] buffer = new byte[length < 0 ? CHUNK : (int) Math.max(1, Math.min(length, CHUNK))];
        try (InputStream in = entity.getContent()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                write(out, buffer, n, flushEach);
            }
        }
    }

    private static void write(HttpServletResponse out, byte[] b, int n, boolean flush) throws ClientGone {
        try {
            OutputStream o = out.getOutputStream();
            o.write(b, 0, n);
            if (flush) {
                o.flush();
            }
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }

    /** The client went away while the answer was being written to it. */
    static final class ClientGone extends Exception {
        private static final long serialVersionUID = 1L;

        ClientGone(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
