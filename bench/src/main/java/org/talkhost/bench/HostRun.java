package org.talkhost.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TalkHost started as a user would ({@code --no-shell}) in a folder of its own, whose console lines
 * are timestamped as they arrive.
 */
final class HostRun implements AutoCloseable {
    record Line(long nanos, String text) {}

    /** The {@code java_opts=( ... )} line of the {@code ./talkhost} script. */
    private static final Pattern JAVA_OPTS = Pattern.compile("(?m)^java_opts=\\(([^)]*)\\)");

    final Process process;
    final Path home;
    final List<Line> lines = new CopyOnWriteArrayList<>();

    final int gatewayPort;
    /** Whether {@link #close()} leaves the home for a later start ({@link #again}). */
    private final boolean keepHome;
    /** What ./talkhost was given besides {@code --no-shell --home HOME} (a later start gets the same). */
    private final List<String> options;

    private HostRun(Process process, Path home, int gatewayPort, boolean keepHome, List<String> options) {
        this.process = process;
        this.home = home;
        this.keepHome = keepHome;
        this.gatewayPort = gatewayPort;
        this.options = options;
        Thread reader = new Thread(this::read, "bench-host-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static HostRun start(Path source, String... allTalkConfig) throws IOException {
        return start(source, false, allTalkConfig);
    }

    /** A host in a new home; with {@code keepHome}, the home stays when it stops (the caller deletes it). */
    static HostRun start(Path source, boolean keepHome, String... allTalkConfig) throws IOException {
        return start(source, keepHome, List.of(), allTalkConfig);
    }

    /** The same, with {@code options} for ./talkhost (e.g. {@code --feature FILE}). */
    static HostRun start(Path source, boolean keepHome, List<String> options, String... allTalkConfig)
            throws IOException {
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
        return launch(source, home, gatewayPort, keepHome, options);
    }

    /** Another start in the home a stopped host with {@code keepHome} left: a user's every start after the first. */
    static HostRun again(Path source, HostRun before) throws IOException {
        return launch(source, before.home, before.gatewayPort, true, before.options);
    }

    private static HostRun launch(Path source, Path home, int gatewayPort, boolean keepHome, List<String> options)
            throws IOException {
        // started by ./talkhost itself, exactly as a user starts it: its JVM options, its class-data archive, its
        // folder (a host started as `java ... -jar` from elsewhere booted 150-500 ms slower in a same-run test)
        List<String> command = new ArrayList<>(
                List.of(source.resolve("talkhost").toString(), "--no-shell", "--home", home.toString()));
        command.addAll(options);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new HostRun(p, home, gatewayPort, keepHome, options);
    }

    /**
     * The JVM options {@code ./talkhost} starts the host with (its {@code java_opts}, its class-data archive when
     * that is current, then {@code TALKHOST_JAVA_OPTS}), read from the script itself so that every figure is
     * what a user gets.
     */
    static List<String> jvmOptions(Path source) throws IOException {
        Matcher m = JAVA_OPTS.matcher(Files.readString(source.resolve("talkhost"), StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("./talkhost has no 'java_opts=(...)' line any more, so the bench cannot "
                    + "start the host the way ./talkhost does; update HostRun.jvmOptions to read its options");
        }
        List<String> options = new ArrayList<>(List.of(m.group(1).strip().split("\\s+")));
        Path archive = source.resolve("runtime/talkhost.jsa");
        Path jar = source.resolve("launcher/target/talkhost-launcher.jar");
        if (Files.isRegularFile(archive)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            options.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        String more = System.getenv("TALKHOST_JAVA_OPTS");
        if (more != null && !more.isBlank()) {
            options.addAll(List.of(more.strip().split("\\s+")));
        }
        return options;
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
        if (!keepHome) {
            Proc.deleteTree(home); // the bench's own home: it goes with the host (config, logs, speech files)
        }
    }
}
