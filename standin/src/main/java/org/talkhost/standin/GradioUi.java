package org.talkhost.standin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** v2's Gradio web UI, reduced to one page: enough for a port check and a browser. */
final class GradioUi {

    private GradioUi() {}

    static void serve(HttpServer server, Flavor flavor, int apiPort) {
        server.createContext("/", exchange -> answer(exchange, flavor, apiPort));
        server.setExecutor(null);
        server.start();
    }

    private static void answer(HttpExchange exchange, Flavor flavor, int apiPort) throws IOException {
        boolean root = "/".equals(exchange.getRequestURI().getPath());
        byte[] body = (root
                        ? "<!DOCTYPE html><html><head><title>AllTalk TTS</title></head><body><h1>AllTalk TTS "
                                + flavor.label() + "</h1><p>TalkHost stand-in web UI. The API is on port " + apiPort
                                + ".</p></body></html>"
                        : "{\"detail\":\"Not Found\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", root ? "text/html; charset=utf-8" : "application/json");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(root ? 200 : 404, head ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }
}
