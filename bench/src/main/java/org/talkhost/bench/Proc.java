package org.talkhost.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Child processes and small HTTP probes for the benchmarks. Everything started here is stopped here. */
final class Proc {

    private Proc() {}

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** A v2 stand-in from the build, serving on {@code port} with no loading time, and {@code more} options. */
    static Process standin(Path source, Path dir, int port, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                java(),
                "-jar",
                source.resolve("standin/target/alltalk-standin.jar").toString(),
                "--flavor",
                "v2",
                "--dir",
                dir.toString(),
                "--port",
                String.valueOf(port),
                "--load-seconds",
                "0"));
        command.addAll(List.of(more));
        return start(command);
    }

    /** Reads the output until a line matches; returns that line, or null when the process ends first. */
    static String awaitLine(Process p, Predicate<String> match, long timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (match.test(line)) {
                drain(r);
                return line;
            }
            if (System.currentTimeMillis() > deadline) {
                return null;
            }
        }
        return null;
    }

    private static void drain(BufferedReader r) {
        Thread t = new Thread(
                () -> {
                    try {
                        while (r.readLine() != null) {
                            // discard
                        }
                    } catch (IOException e) {
                        // ended
                    }
                },
                "bench-drain");
        t.setDaemon(true);
        t.start();
    }

    static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** The body of GET url within a short timeout, or null. */
    static String get(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
            c.setConnectTimeout(300);
            c.setReadTimeout(1000);
            try (var in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** Polls /api/ready every 5 ms until it says Ready; returns the elapsed nanos, or -1 on timeout. */
    static long awaitReady(int port, long since, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            if ("Ready".equals(get("http://127.0.0.1:" + port + "/api/ready"))) {
                return System.nanoTime() - since;
            }
            Thread.sleep(5);
        }
        return -1;
    }

    /** Resident memory of a process in MB (VmRSS from /proc), or -1 when it cannot be read. */
    static double rssMb(long pid) {
        try {
            for (String l : java.nio.file.Files.readAllLines(java.nio.file.Paths.get("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** Removes a folder the bench made, with everything in it. */
    static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
