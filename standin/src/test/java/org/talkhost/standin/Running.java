package org.talkhost.standin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A stand-in started in this JVM on a free 127.0.0.1 port, with its output captured and its exit
 * requests recorded instead of ending the JVM. Close it after each test.
 */
final class Running implements AutoCloseable {

    final Standin standin;
    final Path dir;
    final List<Integer> exits;
    private final ByteArrayOutputStream out;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private Running(Standin standin, Path dir, List<Integer> exits, ByteArrayOutputStream out) {
        this.standin = standin;
        this.dir = dir;
        this.exits = exits;
        this.out = out;
    }

    /** Starts with --port 0 --host 127.0.0.1 --load-seconds 0 unless the arguments say otherwise. */
    static Running start(Path dir, String flavor, String... more) throws StartupFailure {
        Output output = new Output();
        List<Integer> exits = new CopyOnWriteArrayList<>();
        Standin standin = Standin.start(options(dir, flavor, more), output.console, exits::add);
        return new Running(standin, dir, exits, output.bytes);
    }

    static Options options(Path dir, String flavor, String... more) {
        List<String> args = new ArrayList<>(List.of("--flavor", flavor, "--dir", dir.toString()));
        List<String> given = Arrays.asList(more);
        if (!given.contains("--port")) {
            args.addAll(List.of("--port", "0"));
        }
        if (!given.contains("--host")) {
            args.addAll(List.of("--host", "127.0.0.1"));
        }
        if (!given.contains("--load-seconds")) {
            args.addAll(List.of("--load-seconds", "0"));
        }
        args.addAll(given);
        return OptionParser.parse(args.toArray(String[]::new));
    }

    /** Captured console output, stdout and stderr together. */
    static final class Output {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Console console;

        Output() {
            PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            console = new Console(ps, ps);
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    int port() {
        return standin.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<byte[]> postForm(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<byte[]> postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<byte[]> send(String method, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET that gives up after the given time (for servers that answer nothing). */
    HttpResponse<byte[]> getWithin(Duration limit, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path)).timeout(limit).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpClient client() {
        return http;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        standin.close();
    }
}
