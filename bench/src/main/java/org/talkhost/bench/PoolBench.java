package org.talkhost.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue #21's row: generations per second through the gateway with three AllTalk instances against one. Three
 * stand-ins generate with the same fixed delay (one generation at a time each, as a GPU does); the host knows
 * them as external instances (the default one, then {@code ~b} and {@code ~c}, dropped into config/ while it
 * runs). The same clients load the one-instance host, then the three-instance host.
 */
final class PoolBench {
    static final int CLIENTS = 12;
    static final long ROUND_MS = 4_000;
    static final String GENERATE_SECONDS = "0.2";

    private PoolBench() {}

    static void run(Path source, Results results) throws Exception {
        List<Process> standins = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        int[] ports = new int[3];
        try {
            for (int i = 0; i < 3; i++) {
                ports[i] = Proc.freePort();
                dirs.add(Files.createTempDirectory("pool-bench"));
                standins.add(Proc.standin(source, dirs.get(i), ports[i], "--generate-seconds", GENERATE_SECONDS));
            }
            for (int port : ports) {
                if (Proc.awaitReady(port, System.nanoTime(), 30_000) < 0) {
                    throw new IllegalStateException("a stand-in did not get ready on " + port);
                }
            }
            double one = throughput(source, ports, 1);
            double three = throughput(source, ports, 3);
            if (three < 0) {
                results.add(
                        "pool",
                        "throughput, three instances vs one (fixed generation delay)",
                        "not measured",
                        ">= 2.7x",
                        "this build has no pool: instances dropped into config/ never appeared");
                return;
            }
            double ratio = three / one;
            results.add(
                    "pool",
                    "throughput, three instances vs one (fixed generation delay)",
                    String.format(Locale.ROOT, "%.2fx", ratio),
                    ">= 2.7x",
                    Results.verdict(ratio >= 2.7)
                            + String.format(
                                    Locale.ROOT,
                                    "; %.1f vs %.1f generations/s through the gateway, %d clients, rounds of %d s; "
                                            + "each stand-in generates one at a time in %s s (at most %.1f/s each)",
                                    three,
                                    one,
                                    CLIENTS,
                                    ROUND_MS / 1000,
                                    GENERATE_SECONDS,
                                    1 / Double.parseDouble(GENERATE_SECONDS)));
        } finally {
            for (Process p : standins) {
                Proc.stop(p);
            }
            dirs.forEach(Proc::deleteTree);
        }
    }

    /** Generations per second through the gateway of a host with the first {@code n} stand-ins; -1: no pool. */
    private static double throughput(Path source, int[] ports, int n) throws Exception {
        try (HostRun host = HostRun.start(source, "mode=\"external\"", "ports=I[\"" + ports[0] + "\"]")) {
            if (Proc.awaitReady(host.gatewayPort, System.nanoTime(), 60_000) < 0) {
                throw new IllegalStateException("the gateway did not get ready: " + host.lines);
            }
            for (int i = 1; i < n; i++) {
                String name = String.valueOf((char) ('a' + i));
                Files.write(
                        host.home.resolve("config/org.talkhost.alltalk~" + name + ".config"),
                        List.of("mode=\"external\"", "ports=I[\"" + ports[i] + "\"]"),
                        StandardCharsets.UTF_8);
                if (host.await("instance '" + name + "'.*(ready|running)", 0, 20_000) < 0) {
                    return -1;
                }
            }
            Map<String, Long> pids = Map.of(GatewayThroughput.HOST, host.process.pid());
            Load.Request generate =
                    Load.Request.postForm(host.gatewayPort, "/api/tts-generate", GatewayThroughput.GENERATION);
            Load.round(host.gatewayPort, generate, CLIENTS, 1_000, pids); // warm-up
            return Load.round(host.gatewayPort, generate, CLIENTS, ROUND_MS, pids)
                    .perSecond();
        }
    }

    /** {@code java -cp bench/target/classes org.talkhost.bench.PoolBench SOURCE} */
    public static void main(String[] args) throws Exception {
        run(Paths.get(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize(), new Results());
    }
}
