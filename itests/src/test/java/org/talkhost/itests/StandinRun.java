package org.talkhost.itests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A stand-in AllTalk that a test starts as a process of its own (as a user starts AllTalk), on
 * 127.0.0.1, and stops by its handle. Also plain HTTP to a local port for the stand-in's control endpoint.
 */
final class StandinRun implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;

    private StandinRun(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Starts {@code java -jar alltalk-standin.jar --flavor F --port P --host 127.0.0.1 ...} in a folder of its own. */
    static StandinRun start(String flavor, int port, String... extra) {
        try {
            Path dir = Files.createTempDirectory("alltalk-standin-run");
            List<String> command = new ArrayList<>(List.of(
                    java(),
                    "-jar",
                    TalkHostExam.source()
                            .resolve("standin/target/alltalk-standin.jar")
                            .toString(),
                    "--flavor",
                    flavor,
                    "--dir",
                    dir.toString(),
                    "--port",
                    Integer.toString(port),
                    "--host",
                    "127.0.0.1",
                    "--load-seconds",
                    "0"));
            command.addAll(List.of(extra)); // a later --load-seconds wins
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("console.txt").toFile())
                    .start();
            return new StandinRun(p, dir, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String java() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Waits until it answers Ready (it prints its console on failure). */
    StandinRun awaitReady() {
        try {
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> "Ready".equals(get(port, "/api/ready")) || !process.isAlive());
        } catch (RuntimeException e) {
            close();
            throw new AssertionError(
                    "The stand-in on " + port + " did not become ready (" + e.getMessage() + "): " + console());
        }
        if (!process.isAlive()) {
            throw new AssertionError("The stand-in on " + port + " ended: " + console());
        }
        return this;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    int port() {
        return port;
    }

    String console() {
        try {
            return Files.readString(dir.resolve("console.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no console: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    /** {@code GET http://127.0.0.1:port/path}: the body of a 200, "HTTP n" otherwise, null when nothing answers. */
    static String get(int port, String path) {
        return send("GET", port, path);
    }

    /** Sets a fault of a stand-in started with {@code --control}; fails the test when it is not taken. */
    static void fault(int port, String name, String value) {
        String answer = send("POST", port, "/_standin/fault?name=" + name + "&value=" + value);
        if (answer == null || answer.startsWith("HTTP ")) {
            throw new AssertionError(
                    "The stand-in on " + port + " did not take the fault " + name + "=" + value + ": " + answer);
        }
    }

    private static String send(String method, int port, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return status == 200 ? body : "HTTP " + status + ": " + body;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return null;
        }
    }
}
