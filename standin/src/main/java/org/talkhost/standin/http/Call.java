package org.talkhost.standin.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.talkhost.standin.Faults;

import com.sun.net.httpserver.HttpExchange;

/** One request and its {@link Reply}. Parameters are read like Starlette reads them: the last value wins. */
public final class Call {

    private final HttpExchange exchange;
    private final Reply reply;
    private byte[] body;
    private Map<String, String> query;
    private Map<String, String> form;
    private volatile boolean detached;

    /** @param faults the faults to apply to the reply, or null for an exempt (control) reply */
    public Call(HttpExchange exchange, Faults faults) {
        this.exchange = exchange;
        this.reply = new Reply(exchange, faults);
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    /** The decoded path, e.g. "/api/ready". */
    public String path() {
        String path = exchange.getRequestURI().getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** The request target as sent, path and query, for redirects. */
    public String rawQuery() {
        return exchange.getRequestURI().getRawQuery();
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    public Map<String, String> query() {
        if (query == null) {
            query = urlEncoded(rawQuery());
        }
        return query;
    }

    public byte[] body() throws IOException {
        if (body == null) {
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
        }
        return body;
    }

    public String bodyText() throws IOException {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** Form fields from an url-encoded or multipart body; empty for any other body. */
    public Map<String, String> form() throws IOException {
        if (form == null) {
            String type = header("content-type");
            String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
            if (t.startsWith("application/x-www-form-urlencoded")) {
                form = urlEncoded(bodyText());
            } else if (t.startsWith("multipart/form-data")) {
                form = Multipart.fields(type, body());
            } else {
                form = new LinkedHashMap<>();
            }
        }
        return form;
    }

    public Reply reply() {
        return reply;
    }

    /** The answer will be finished by another thread; the request gate must not close it. */
    public void detach() {
        detached = true;
    }

    public boolean detached() {
        return detached;
    }

    public HttpExchange exchange() {
        return exchange;
    }

    static Map<String, String> urlEncoded(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return map;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            map.put(decode(key), decode(value));
        }
        return map;
    }

    /**
     * As Python's unquote_plus: "+" is a space, each valid "%XX" a byte, and a "%" without two hex
     * digits stays as it is; the bytes are read as UTF-8 (a bad sequence becomes U+FFFD).
     */
    public static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
