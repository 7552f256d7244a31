package org.talkhost.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end benchmarks of the built distribution: boot time, stand-in start, first connection,
 * crash recovery and the lag between AllTalk's port opening and TalkHost declaring it ready.
 * Usage: {@code bench/run} (builds first), or {@code java -cp bench/target/classes org.talkhost.bench.Bench SOURCE}.
 */
public final class Bench {
    private static final int RUNS = 5;
    private static final Set<String> BARE_FELIX = Set.of(
            "org.osgi.util.function",
            "org.osgi.util.promise",
            "org.osgi.service.component",
            "org.apache.felix.configadmin",
            "org.apache.felix.scr",
            "org.apache.felix.gogo.runtime",
            "org.apache.felix.gogo.command",
            "org.apache.felix.gogo.shell");

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Path source =
                Paths.get(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Results results = new Results();
        boot(source, results);
        standin(source, results);
        supervision(source, results);
        AdoptedBench.run(source, results);
        PoolBench.run(source, results);
        if (args.length > 1) {
            componentRows(Paths.get(args[1]), results);
        }
        Path out = source.resolve("bench/results-e2e.md");
        results.write(out, Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println("Written: " + out);
    }

    /**
     * JVM start to every bundle active (the launcher reports it), against a bare JVM start and a bare Felix. The
     * starts measured are a user's every start after the first, in one home; the first (which also fills Felix's
     * bundle cache and the launcher's feature cache) is reported beside them.
     */
    static void boot(Path source, Results results) throws Exception {
        double[] boot = new double[RUNS];
        double[] jvm = new double[RUNS];
        double[] felix = new double[RUNS];
        double[] stack = new double[RUNS];
        double first = -1;
        List<String> bareFelix = bareFelixCommand(source);
        Path stackFeature = thirdPartyFeature(source);
        HostRun previous = null;
        HostRun previousStack = null;
        try {
            for (int i = -1; i < RUNS; i++) {
                if (i >= 0) {
                    long t0 = System.nanoTime();
                    Process bare = Proc.start(List.of(Proc.java(), "-version"));
                    bare.waitFor();
                    jvm[i] = (System.nanoTime() - t0) / 1e6;
                    String felixLine = Proc.awaitLine(Proc.start(bareFelix), l -> l.startsWith("bare Felix:"), 60_000);
                    felix[i] = felixLine == null
                            ? -1
                            : Double.parseDouble(felixLine.replaceAll(".*started in (\\d+) ms.*", "$1"));
                }
                HostRun stackHost = previousStack == null
                        ? HostRun.start(
                                source,
                                true,
                                List.of("--feature", stackFeature.toString()),
                                "mode=\"external\"",
                                "ports=I[\"" + Proc.freePort() + "\"]")
                        : HostRun.again(source, previousStack);
                try (stackHost) {
                    previousStack = stackHost;
                    double ms = startedIn(stackHost);
                    if (i >= 0) {
                        stack[i] = ms;
                    }
                }
                HostRun host = previous == null
                        ? HostRun.start(source, true, "mode=\"external\"", "ports=I[\"" + Proc.freePort() + "\"]")
                        : HostRun.again(source, previous);
                try (host) {
                    previous = host;
                    double ms = startedIn(host);
                    if (i < 0) {
                        first = ms;
                    } else {
                        boot[i] = ms;
                    }
                }
            }
        } finally {
            for (HostRun kept : new HostRun[] {previous, previousStack}) {
                if (kept != null) {
                    Proc.deleteTree(kept.home);
                }
            }
            Files.deleteIfExists(stackFeature);
        }
        double own = Results.median(boot) - Results.median(stack);
        results.add(
                "foundation",
                "boot: JVM start to all bundles active, median of " + RUNS + " starts after the first",
                Results.ms(Results.median(boot)),
                "< 700 ms (#20, HTTP runtime in)",
                String.format(
                        Locale.ROOT,
                        Results.verdict(Results.median(boot) < 700)
                                + "; the first start in a new home %s; baselines: bare JVM start (java -version) %s;"
                                + " bare Felix with SCR, Config Admin and Gogo, same JVM options, JVM start to active"
                                + " %s; TalkHost / bare Felix %.2fx; every bundle of the feature but TalkHost's own"
                                + " 12 (pax-logging with logback, Felix SCR, Config Admin, EventAdmin, Metatype,"
                                + " FileInstall, Gogo, the Jetty 12 HTTP runtime, OSHI, Jackson, HttpClient,"
                                + " Failsafe), started by ./talkhost the same way, %s (%.0f %% of the goal), so"
                                + " TalkHost's own bundles add %s",
                        Results.ms(first),
                        Results.ms(Results.median(jvm)),
                        Results.ms(Results.median(felix)),
                        Results.median(boot) / Results.median(felix),
                        Results.ms(Results.median(stack)),
                        100 * Results.median(stack) / 700,
                        Results.ms(own)));
    }

    /** The "started in N ms" of a host's start line. */
    private static double startedIn(HostRun host) throws InterruptedException {
        long seen = host.await("TalkHost is running: \\d+ bundles active, started in \\d+ ms", 0, 60_000);
        if (seen < 0) {
            throw new IllegalStateException("the host did not report its start: " + host.lines);
        }
        String line = host.lines.stream()
                .filter(l -> l.text().startsWith("TalkHost is running"))
                .findFirst()
                .orElseThrow()
                .text();
        return Double.parseDouble(line.replaceAll(".*started in (\\d+) ms.*", "$1"));
    }

    /**
     * A copy of {@code features/talkhost.json} without TalkHost's own bundles (the HttpClient bundle stays: it is
     * HttpClient 5 repackaged): the third-party stack TalkHost is built on, started the same way, as a baseline.
     */
    static Path thirdPartyFeature(Path source) throws IOException {
        List<String> all = Files.readAllLines(source.resolve("features/talkhost.json"));
        List<String> kept = new ArrayList<>();
        for (String line : all) {
            if (!line.contains("\"id\": \"org.talkhost:talkhost-") || line.contains("talkhost-httpclient5")) {
                kept.add(line);
            }
        }
        if (all.size() - kept.size() < 12) {
            throw new IllegalStateException("features/talkhost.json no longer names TalkHost's bundles one to a line"
                    + " (\"id\": \"org.talkhost:talkhost-...\"), so the third-party baseline cannot leave them out");
        }
        Path file = Files.createTempFile("third-party", ".json");
        Files.write(file, kept);
        return file;
    }

    /**
     * {@link BareFelix} in a JVM with ./talkhost's options (less TalkHost's own class-data archive), with the
     * framework, SCR, Config Admin and Gogo at the versions TalkHost's feature names.
     */
    static List<String> bareFelixCommand(Path source) throws IOException {
        String feature = Files.readString(source.resolve("features/talkhost.json"));
        Path repository = Paths.get(System.getProperty("user.home"), ".m2", "repository");
        List<String> command = new ArrayList<>();
        command.add(Proc.java());
        HostRun.jvmOptions(source).stream()
                .filter(o -> !o.startsWith("-XX:SharedArchiveFile"))
                .forEach(command::add);
        Path lib = source.resolve("launcher/target/lib");
        try (var jars = Files.list(lib)) {
            String framework = jars.map(Path::toString)
                    .filter(j -> j.contains("org.apache.felix.framework-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Felix framework jar in " + lib));
            command.addAll(List.of(
                    "-cp",
                    framework + File.pathSeparator + source.resolve("bench/target/classes"),
                    BareFelix.class.getName()));
        }
        Matcher id =
                Pattern.compile("\"id\":\\s*\"([^\":]+):([^\":]+):([^\"]+)\"").matcher(feature);
        while (id.find()) {
            if (BARE_FELIX.contains(id.group(2))) {
                command.add(repository
                        .resolve(id.group(1).replace('.', '/'))
                        .resolve(id.group(2))
                        .resolve(id.group(3))
                        .resolve(id.group(2) + "-" + id.group(3) + ".jar")
                        .toString());
            }
        }
        if (command.size() - command.indexOf(BareFelix.class.getName()) - 1 != BARE_FELIX.size()) {
            throw new IllegalStateException("features/talkhost.json does not name all of " + BARE_FELIX);
        }
        return command;
    }

    /** Stand-in start to ready with --load-seconds 0, and one sentence generated. */
    static void standin(Path source, Results results) throws Exception {
        double[] ready = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            Path dir = Files.createTempDirectory("standin-bench");
            int port = Proc.freePort();
            long t0 = System.nanoTime();
            Process p = Proc.standin(source, dir, port);
            try {
                ready[i] = Proc.awaitReady(port, t0, 20_000) / 1e6;
            } finally {
                Proc.stop(p);
                Proc.deleteTree(dir);
            }
        }
        results.add(
                "stand-in",
                "start to ready, --load-seconds 0, JVM included, median of " + RUNS,
                Results.ms(Results.median(ready)),
                "< 300 ms",
                "polled every 5 ms");
    }

    /** A host in stand-in mode: first connection, kill -9 to ready again, port-open to ready lag. */
    static void supervision(Path source, Results results) throws Exception {
        int port = Proc.freePort();
        long t0 = System.nanoTime();
        try (HostRun host = HostRun.start(
                source, "mode=\"standin\"", "ports=I[\"" + port + "\"]", "standinArgs=\"--load-seconds 1\"")) {
            long first = Proc.awaitReady(port, t0, 60_000);
            results.add(
                    "process",
                    "host start to AllTalk (stand-in, 1 s load) ready",
                    Results.ms(first / 1e6),
                    "< 10000 ms",
                    "AllTalk's launcher sleeps 26 s (v1) / 5 s (v2) before it even looks");
            long readyLine = host.await("(?i)ready", t0, 10_000);
            Thread.sleep(10_000);
            double idle = Proc.rssMb(host.process.pid());
            results.add(
                    "memory",
                    "host resident memory, idle 10 s after ready",
                    String.format(Locale.ROOT, "%.0f MB", idle),
                    "< 100 MB",
                    Results.verdict(idle > 0 && idle < 100) + "; VmRSS of the host JVM");
            Optional<ProcessHandle> server = host.server();
            if (server.isEmpty()) {
                results.add("process", "kill -9 recovery", "n/a", "", "no stand-in child found");
                return;
            }
            double[] detected = new double[3];
            double[] recovered = new double[3];
            double[] lag = new double[3];
            double[] answerLag = new double[3];
            for (int i = 0; i < 3; i++) {
                ProcessHandle s = host.server().orElseThrow();
                long kill = System.nanoTime();
                s.destroyForcibly();
                long seen = host.await("(?i)(stopped|exited|ended|crash|died|not answering)", kill, 30_000);
                long open = awaitPortOpen(port, kill, 60_000);
                // the first Ready answer, then the console line (stamped as it arrived, so the order of waiting is
                // free)
                long answered = Proc.awaitReady(port, kill, 60_000);
                long ready =
                        host.await("(?i)is ready|ready on|ready again|answering again", Math.max(open, kill), 60_000);
                detected[i] = seen < 0 ? -1 : (seen - kill) / 1e6;
                recovered[i] = answered / 1e6;
                lag[i] = ready < 0 || open < 0 ? -1 : (ready - open) / 1e6;
                answerLag[i] = ready < 0 || answered < 0 ? -1 : (ready - kill - answered) / 1e6;
                Thread.sleep(500);
            }
            results.add(
                    "process",
                    "kill -9 to crash reported (console), median of 3",
                    Results.ms(Results.median(detected)),
                    "-",
                    "");
            results.add(
                    "process",
                    "kill -9 to ready again, median of 3",
                    Results.ms(Results.median(recovered)),
                    "-",
                    "includes restart backoff and the stand-in's 1 s load");
            results.add(
                    "process",
                    "port open to TalkHost declaring ready, median of 3",
                    Results.ms(Results.median(lag)),
                    "< 30 ms (#20)",
                    Results.verdict(Results.median(lag) >= 0 && Results.median(lag) < 30)
                            + "; the console line, after EventAdmin; AllTalk's own launcher: 26 s / 5 s fixed sleep");
            double[] raw = new double[200];
            for (int i = 0; i < raw.length; i++) {
                long g = System.nanoTime();
                Proc.get("http://127.0.0.1:" + port + "/api/ready");
                raw[i] = (System.nanoTime() - g) / 1e6;
            }
            results.add(
                    "process",
                    "first Ready answer to TalkHost declaring ready, median of 3",
                    Results.ms(Results.median(answerLag)),
                    "-",
                    "the part that is TalkHost's: the stand-in binds its port before it serves (a real uvicorn "
                            + "serves as it binds), so the row above includes the stand-in's own gap; the bench "
                            + "polls Ready every 5 ms; baseline: one raw HTTP GET /api/ready on a new connection "
                            + String.format(Locale.ROOT, "%.2f ms", Results.median(raw)) + " (median of 200)");
            execClient(source, host, results);
            ConfigBench.run(host, results);
            GatewayBench.run(source, port, host.gatewayPort, host.process.pid(), results);
        }
    }

    /** {@code ./talkhost --exec alltalk:status} against the running host: the client path, no second framework. */
    static void execClient(Path source, HostRun host, Results results) throws Exception {
        double[] took = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            Process p = Proc.start(List.of(
                    source.resolve("talkhost").toString(), "--home", host.home.toString(), "--exec", "alltalk:status"));
            int status = p.waitFor();
            took[i] = status == 0 ? (System.nanoTime() - t0) / 1e6 : -1;
        }
        String launcher =
                source.resolve("launcher/target/talkhost-launcher.jar").toString();
        double[] bare = new double[RUNS];
        double[] trivial = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            Proc.start(List.of(Proc.java(), "-version")).waitFor();
            bare[i] = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            Proc.start(List.of(
                            Proc.java(),
                            "-cp",
                            launcher + java.io.File.pathSeparator + source.resolve("bench/target/classes"),
                            Noop.class.getName()))
                    .waitFor();
            trivial[i] = (System.nanoTime() - t0) / 1e6;
        }
        results.add(
                "control",
                "--exec alltalk:status against the running host (JVM included), median of " + RUNS,
                Results.ms(Results.median(took)),
                "< 200 ms",
                "baselines: bare java -version " + Results.ms(Results.median(bare))
                        + ", java -cp <launcher jar> <empty main> " + Results.ms(Results.median(trivial))
                        + "; was 1.4 s booting a second TalkHost; -1 = failed");
    }

    /** The rows the component benchmarks printed ({@code row|area|what|value|goal|note}) into their output. */
    static void componentRows(Path output, Results results) throws IOException {
        for (String line : Files.readAllLines(output)) {
            if (line.startsWith("row|")) {
                String[] f = line.split("\\|", 6);
                results.add(f[1], f[2], f[3], f[4], f[5]);
            }
        }
    }

    private static long awaitPortOpen(int port, long since, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        boolean wasClosed = false;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 50);
                if (wasClosed) {
                    return System.nanoTime();
                }
            } catch (IOException e) {
                wasClosed = true;
            }
            Thread.sleep(1);
        }
        return -1;
    }
}
