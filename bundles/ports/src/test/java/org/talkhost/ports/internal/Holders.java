package org.talkhost.ports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/** Things that can hold a port in a test, each on a free 127.0.0.1 port, each closed by the test. */
final class Holders {
    private Holders() {}

    /** An HTTP server answering every path with {@code body} and {@code status}. */
    static HttpServer http(int status, String body) throws IOException {
        return http(0, status, body);
    }

    static HttpServer http(int port, int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    /** AllTalk's API: {@code /api/ready} says Ready (chunked, as some servers send it). */
    static HttpServer allTalk() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean ready = exchange.getRequestURI().getPath().equals("/api/ready");
            byte[] bytes = (ready ? "Ready" : "{\"detail\":\"Not Found\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ready ? 200 : 404, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    /** AllTalk v2's Gradio web page: 404 for the API, an HTML page naming gradio at "/". */
    static HttpServer gradio() throws IOException {
        return webPage("<!doctype html><html><head><script>window.gradio_config = {};</script></head></html>");
    }

    /** The stand-in's web page, as it serves it (no mention of gradio). */
    static HttpServer standinWebPage() throws IOException {
        return webPage("<!DOCTYPE html><html><head><title>AllTalk TTS</title></head><body><h1>AllTalk TTS v2</h1>"
                + "<p>TalkHost stand-in web UI. The API is on port 7001.</p></body></html>");
    }

    private static HttpServer webPage(String html) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean root = exchange.getRequestURI().getPath().equals("/");
            byte[] bytes = (root ? html : "{\"detail\":\"Not Found\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(root ? 200 : 404, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    /** Accepts connections (the system does) and never answers. */
    static ServerSocket silent() throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress("127.0.0.1", 0), 50);
        return s;
    }

    /** Holds the port without listening (nothing answers, yet it cannot be bound). */
    static Socket boundOnly() throws IOException {
        Socket s = new Socket();
        s.setReuseAddress(false);
        s.bind(new InetSocketAddress("127.0.0.1", 0));
        return s;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    static int port(HttpServer server) {
        return server.getAddress().getPort();
    }
}
