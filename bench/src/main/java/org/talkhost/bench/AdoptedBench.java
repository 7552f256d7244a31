package org.talkhost.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * #20's rows for an AllTalk TalkHost did not start but adopted: killed with -9 (its process is gone) and hung (its
 * process stopped with SIGSTOP, so it is there and answers nothing), each to the moment the operations log says
 * {@code -> DOWN}. The hang is measured with the default health settings, the ones the 16.5 s was taken
 * with.
 */
final class AdoptedBench {
    private static final long TIMEOUT_MS = 60_000;

    private AdoptedBench() {}

    static void run(Path source, Results results) throws Exception {
        double[] killed = new double[3];
        for (int i = 0; i < killed.length; i++) {
            killed[i] = toDown(source, false);
        }
        results.add(
                "health",
                "an adopted AllTalk killed with -9 -> operations log says DOWN, median of 3",
                Results.ms(Results.median(killed)),
                "< 1000 ms",
                Results.verdict(Results.median(killed) >= 0 && Results.median(killed) < 1000)
                        + "; was 15 s (5 s x 3 checks); its pid from detection is watched, gone and refused = down");
        double hung = toDown(source, true);
        results.add(
                "health",
                "an adopted AllTalk hung (SIGSTOP: alive, silent) -> DOWN, default settings",
                hung < 0 ? "-1" : String.format(Locale.ROOT, "%.1f s", hung / 1000),
                "<= 16.5 s",
                Results.verdict(hung >= 0 && hung <= 16_500)
                        + "; the slow rule stays for a process that is still there (interval 5 s x 3, timeout 1.5 s)");
    }

    /** Milliseconds from the fault to the DOWN line, or -1. */
    private static double toDown(Path source, boolean hang) throws Exception {
        Path dir = Files.createTempDirectory("adopted-bench");
        int port = Proc.freePort();
        Process standin = Proc.standin(source, dir, port);
        try {
            if (Proc.awaitReady(port, System.nanoTime(), 30_000) < 0) {
                throw new IllegalStateException("the stand-in did not get ready on " + port);
            }
            try (HostRun host = HostRun.start(source, "mode=\"auto\"", "ports=I[\"" + port + "\"]")) {
                if (host.await("(?i)already running|still running", 0, TIMEOUT_MS) < 0) {
                    throw new IllegalStateException("the host did not adopt the stand-in: " + host.lines);
                }
                Path log = host.home.resolve("log/alltalk_operations.log");
                Thread.sleep(2_000); // past the adoption's first checks, as a person's AllTalk would be
                int before = lines(log).size();
                long t0 = System.nanoTime();
                if (hang) {
                    new ProcessBuilder("kill", "-STOP", String.valueOf(standin.pid()))
                            .start()
                            .waitFor();
                } else {
                    standin.destroyForcibly();
                }
                long deadline = t0 + TIMEOUT_MS * 1_000_000L;
                while (System.nanoTime() < deadline) {
                    List<String> now = lines(log);
                    if (now.subList(Math.min(before, now.size()), now.size()).stream()
                            .anyMatch(l -> l.contains("-> DOWN"))) {
                        return (System.nanoTime() - t0) / 1e6;
                    }
                    Thread.sleep(5);
                }
                return -1;
            }
        } finally {
            standin.destroyForcibly();
            standin.waitFor();
            Proc.deleteTree(dir);
        }
    }

    private static List<String> lines(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
