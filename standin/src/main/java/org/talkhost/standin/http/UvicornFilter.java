package org.talkhost.standin.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

/**
 * What uvicorn does before the application sees a request: an HTTP/1.1 request without a Host header
 * is refused with 400 "Invalid HTTP request received." and the connection closed. Also marks every
 * answer with {@value #MARK} (what speaks: "espeak-ng" or "synthetic-tone"), the one way a client can
 * tell the stand-in from a real AllTalk over HTTP; real AllTalk never sends that header.
 */
public final class UvicornFilter extends Filter {

    /** The response header that says "this is the TalkHost stand-in". */
    public static final String MARK = "x-talkhost-standin";

    private final String speech;

    public UvicornFilter(String speech) {
        this.speech = speech;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        exchange.getResponseHeaders().set(MARK, speech);
        if ("HTTP/1.1".equals(exchange.getProtocol())
                && !exchange.getRequestHeaders().containsKey("host")) {
            byte[] body = "Invalid HTTP request received.".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "text/plain; charset=utf-8");
            exchange.getResponseHeaders().set("connection", "close");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "uvicorn's request checks and the stand-in mark";
    }
}
