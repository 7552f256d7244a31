package org.talkhost.connection.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.talkhost.common.Threads;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server on a free 127.0.0.1 port answering set paths, for answer shapes the stand-in
 * does not make. Records each request as "METHOD /path?query body".
 */
final class FakeServer implements AutoCloseable {

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(Threads.named("fake-alltalk"));
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeServer() throws IOException {
        this(0);
    }

    /** On a given port (0: a free one): a server coming back on the port it had. */
    FakeServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(threads);
        server.createContext("/", this::dispatch);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    FakeServer on(String methodAndPath, Handler handler) {
        routes.put(methodAndPath, handler);
        return this;
    }

    /** Answers {@code body} with {@code status}; {@code contentType} null sends no Content-Type (like AllTalk). */
    FakeServer answer(String methodAndPath, int status, String contentType, String body) {
        return on(methodAndPath, x -> send(x, status, contentType, body));
    }

    FakeServer json(String methodAndPath, int status, String body) {
        return answer(methodAndPath, status, "application/json", body);
    }

    static void send(HttpExchange x, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            x.getResponseHeaders().set("Content-Type", contentType);
        }
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
        x.close();
    }

    private void dispatch(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getPath();
        String query = x.getRequestURI().getRawQuery();
        requests.add(x.getRequestMethod() + " " + path + (query == null ? "" : "?" + query)
                + (body.isEmpty() ? "" : " " + body));
        Handler h = routes.get(x.getRequestMethod() + " " + path);
        if (h == null) {
            send(x, 404, "application/json", "{\"detail\":\"Not Found\"}");
            return;
        }
        h.handle(x);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
