package org.talkhost.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A TalkHost started as a user would ({@code ./talkhost --no-shell}) in a folder of its own, whose console
 * lines are timestamped as they arrive.
 */
final class HostRun implements AutoCloseable {
    record Line(long nanos, String text) {}

    final Process process;
    final Path home;
    final List<Line> lines = new CopyOnWriteArrayList<>();

    final int gatewayPort;

    private HostRun(Process process, Path home, int gatewayPort) {
        this.process = process;
        this.home = home;
        this.gatewayPort = gatewayPort;
        Thread reader = new Thread(this::read, "bench-host-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static HostRun start(Path source, String... allTalkConfig) throws IOException {
        Path home = Files.createTempDirectory("talkhost-bench");
        Files.createDirectories(home.resolve("config"));
        Files.write(home.resolve("config/org.talkhost.alltalk.config"), List.of(allTalkConfig), StandardCharsets.UTF_8);
        // the HTTP runtime (gateway, control API) on a free port too, never the fixed 7850; the gateway's
        // setting is the one the user edits, and the gateway keeps the HTTP runtime's in line with it
        int gatewayPort = Proc.freePort();
        Files.write(
                home.resolve("config/org.talkhost.gateway.config"),
                List.of("port=I\"" + gatewayPort + "\""),
                StandardCharsets.UTF_8);
        Files.write(
                home.resolve("config/org.apache.felix.http.config"),
                List.of(
                        "org.apache.felix.http.host=\"127.0.0.1\"",
                        "org.osgi.service.http.port=I\"" + gatewayPort + "\""),
                StandardCharsets.UTF_8);
        // started by ./talkhost itself, so the host runs with the JVM options and class-data archive a user gets
        Process p = new ProcessBuilder(source.resolve("talkhost").toString(), "--no-shell", "--home", home.toString())
                .redirectErrorStream(true)
                .start();
        return new HostRun(p, home, gatewayPort);
    }

    private void read() {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) {
                lines.add(new Line(System.nanoTime(), l));
            }
        } catch (IOException e) {
            // host ended
        }
    }

    /** Waits for a console line matching {@code regex} that arrived after {@code since}; its arrival time. */
    long await(String regex, long since, long timeoutMillis) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            for (Line l : lines) {
                if (l.nanos >= since && p.matcher(l.text).find()) {
                    return l.nanos;
                }
            }
            Thread.sleep(2);
        }
        return -1;
    }

    /** The stand-in (or AllTalk) process the host started. */
    Optional<ProcessHandle> server() {
        return process.descendants()
                .filter(h -> h.info().commandLine().orElse("").contains("alltalk-standin"))
                .findFirst();
    }

    @Override
    public void close() throws InterruptedException {
        Proc.stop(process);
    }
}
