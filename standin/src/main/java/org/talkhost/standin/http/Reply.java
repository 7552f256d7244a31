package org.talkhost.standin.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.talkhost.standin.Faults;
import org.talkhost.standin.Json;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * The answer to one request, shaped like FastAPI/uvicorn answers: plain Response bodies have no
 * Content-Type, JSON is compact "application/json", errors carry {"detail": ...}. Applies the
 * malformed-JSON and slow-answer faults unless the reply is exempt (control endpoints).
 */
public final class Reply {

    private final HttpExchange exchange;
    private final Faults faults;
    private boolean sent;

    Reply(HttpExchange exchange, Faults faults) {
        this.exchange = exchange;
        this.faults = faults;
    }

    public boolean sent() {
        return sent;
    }

    /** Like Starlette's Response(content=...): a body and no Content-Type header. */
    public void text(int status, String body) throws IOException {
        send(status, null, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Like PlainTextResponse, e.g. Starlette's own "Internal Server Error". */
    public void plain(int status, String body) throws IOException {
        send(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    public void html(int status, String body) throws IOException {
        send(status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Like JSONResponse: compact JSON. */
    public void json(int status, Object value) throws IOException {
        rawJson(status, Json.write(value));
    }

    /** JSON text sent exactly as given (AllTalk sometimes sends json.dumps output, with spaces). */
    public void rawJson(int status, String text) throws IOException {
        if (faults != null && faults.malformedJson()) {
            text = text.substring(0, Math.max(1, text.length() / 2));
        }
        send(status, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    public void notFound() throws IOException {
        json(404, Map.of("detail", "Not Found"));
    }

    public void methodNotAllowed(String allow) throws IOException {
        exchange.getResponseHeaders().set("allow", allow);
        json(405, Map.of("detail", "Method Not Allowed"));
    }

    /** FastAPI's 422 for request fields that are missing or of the wrong type. */
    public void unprocessable(List<Map<String, Object>> errors) throws IOException {
        json(422, Map.of("detail", errors));
    }

    /** Starlette's answer to an unhandled exception. */
    public void internalError() throws IOException {
        plain(500, "Internal Server Error");
    }

    public void redirect(String location) throws IOException {
        exchange.getResponseHeaders().set("location", location);
        send(307, null, new byte[0]);
    }

    public void header(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    public void send(int status, String contentType, byte[] body) throws IOException {
        start(status, contentType, body.length == 0 ? -1 : body.length);
        if (body.length > 0 && !head()) {
            try (OutputStream out = body()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /** Starts a chunked 200 answer and returns where to write it; the caller closes it. */
    public OutputStream stream(String contentType) throws IOException {
        start(200, contentType, 0);
        return body();
    }

    private void start(int status, String contentType, long length) throws IOException {
        if (sent) {
            throw new IllegalStateException("answer already sent");
        }
        sent = true;
        Headers h = exchange.getResponseHeaders();
        h.set("server", "uvicorn");
        String origin = exchange.getRequestHeaders().getFirst("origin");
        if (origin != null) {
            h.set("access-control-allow-origin", origin);
            h.set("access-control-allow-credentials", "true");
            h.set("vary", "Origin");
        }
        if (contentType != null) {
            h.set("content-type", contentType);
        }
        exchange.sendResponseHeaders(status, head() ? -1 : length);
    }

    /**
     * Starts a chunked 200 answer and then drops the connection without a byte of body or the final
     * chunk, as uvicorn does when a streaming generator fails at once. Never returns normally.
     */
    public void sever(String contentType) throws IOException {
        start(200, contentType, 0);
        exchange.getResponseBody().flush();
        throw new Severed();
    }

    /** Thrown to make the HTTP server close the connection without finishing the answer. */
    public static final class Severed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Severed() {
            super("answer cut off on purpose", null, false, false);
        }
    }

    private OutputStream body() {
        OutputStream out = exchange.getResponseBody();
        int drip = faults == null ? 0 : faults.dripMs();
        return drip > 0 ? new DripOutputStream(out, drip) : out;
    }

    private boolean head() {
        return "HEAD".equals(exchange.getRequestMethod());
    }
}
