package org.talkhost.detection.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Tiny servers on free 127.0.0.1 ports that answer like AllTalk v1, v2, the stand-in, or something else. */
final class FakeAllTalk implements AutoCloseable {
    static final String V1_SETTINGS = "{\"deepspeed_status\": false, \"low_vram_status\": \"false\", "
            + "\"finetuned_model\": false, \"models_available\": [{\"name\": \"XTTSv2 Local\", \"model_name\": "
            + "\"xtts\"}], \"current_model_loaded\": \"xtts\"}";
    static final String V2_SETTINGS = "{\"engines_available\": [\"piper\", \"xtts\"], \"current_engine_loaded\": "
            + "\"xtts\", \"streaming_capable\": true, \"audio_format\": \"wav\", \"voice_ché\": \"ünïcode\"}";

    private final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    private FakeAllTalk(String ready, String settings, boolean chunked) throws IOException {
        this(ready, settings, chunked, false);
    }

    /** @param marked send the stand-in's header, as the TalkHost stand-in does on every answer */
    private FakeAllTalk(String ready, String settings, boolean chunked, boolean marked) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            if (marked) {
                exchange.getResponseHeaders().set(EndpointProbe.STANDIN_MARK, "synthetic-tone");
            }
            String path = exchange.getRequestURI().getPath();
            if (ready != null && path.equals("/api/ready")) {
                send(exchange, 200, ready, chunked);
            } else if (settings != null && path.equals("/api/currentsettings")) {
                send(exchange, 200, settings, chunked);
            } else if (path.equals("/")) {
                send(exchange, 200, "<html><head><title>Some app</title></head><body>Hello</body></html>", chunked);
            } else {
                send(exchange, 404, "<html><body><h1>Error response</h1><p>Error code: 404</p></body></html>", chunked);
            }
        });
        server.start();
    }

    static FakeAllTalk v1() throws IOException {
        return new FakeAllTalk("Ready", V1_SETTINGS, false);
    }

    /** v2 answers in chunks, to exercise that path too. */
    static FakeAllTalk v2() throws IOException {
        return new FakeAllTalk("Ready", V2_SETTINGS, true);
    }

    static FakeAllTalk v2Unloaded() throws IOException {
        return new FakeAllTalk("Unloaded", V2_SETTINGS, false);
    }

    static FakeAllTalk standin() throws IOException {
        return new FakeAllTalk("Ready", V2_SETTINGS, false, true);
    }

    /** Like {@code python3 -m http.server}: 404 pages for AllTalk's paths. */
    static FakeAllTalk foreign() throws IOException {
        return new FakeAllTalk(null, null, false);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void send(HttpExchange exchange, int status, String body, boolean chunked) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (chunked) {
                int half = bytes.length / 2;
                out.write(bytes, 0, half);
                out.flush();
                out.write(bytes, half, bytes.length - half);
            } else {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A port that accepts connections (the system does it) but never answers. */
    static ServerSocket silent() throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress("127.0.0.1", 0), 50);
        return s;
    }

    /** A port nothing listens on (free a moment ago). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }
}
