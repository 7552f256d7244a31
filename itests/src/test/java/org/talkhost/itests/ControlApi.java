package org.talkhost.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** TalkHost's control API on 127.0.0.1:7850 as a test calls it, with or without the control token. */
final class ControlApi {
    static final URI BASE = URI.create("http://127.0.0.1:7850/talkhost/api/");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;

    ControlApi(Path home) {
        this.home = home;
    }

    String token() {
        try {
            return Files.readString(home.resolve("runtime/control.token"), StandardCharsets.US_ASCII)
                    .trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String call) {
        return send(HttpRequest.newBuilder(BASE.resolve(call)).GET());
    }

    HttpResponse<String> post(String call, String body, String token) {
        return send(auth(
                HttpRequest.newBuilder(BASE.resolve(call)).POST(HttpRequest.BodyPublishers.ofString(body)), token));
    }

    HttpResponse<String> put(String call, String body, String token) {
        return send(
                auth(HttpRequest.newBuilder(BASE.resolve(call)).PUT(HttpRequest.BodyPublishers.ofString(body)), token));
    }

    HttpResponse<byte[]> postBytes(String call, String body, String token) {
        try {
            return HTTP.send(
                    auth(
                                    HttpRequest.newBuilder(BASE.resolve(call))
                                            .timeout(Duration.ofSeconds(90))
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(body)),
                                    token)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpClient client() {
        return HTTP;
    }

    private static HttpRequest.Builder auth(HttpRequest.Builder b, String token) {
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True when the control API answers status with AllTalk ready. */
    boolean ready() {
        try {
            HttpResponse<String> r = get("status");
            return r.statusCode() == 200 && r.body().contains("\"ready\":true");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
