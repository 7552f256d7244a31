package org.talkhost.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Issue #17: the gateway against calling AllTalk (the stand-in) directly, in the same run, alternating
 * between the two so that the machine's drift hits both alike: added latency p50/p99 on {@code /api/ready}
 * and on a short generation; requests per second with 8 concurrent clients are {@link GatewayThroughput}'s.
 */
final class GatewayBench {
    private static final int READY_CALLS = 2000;
    private static final int GENERATIONS = 60;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private GatewayBench() {}

    static void run(Path source, int allTalkPort, int gatewayPort, long hostPid, Results results) throws Exception {
        GatewayBench b = new GatewayBench();
        URI direct = URI.create("http://127.0.0.1:" + allTalkPort);
        URI gateway = URI.create("http://127.0.0.1:" + gatewayPort);
        if (!b.awaitOk(gateway.resolve("/api/ready"), 30_000)) {
            results.add(
                    "gateway",
                    "gateway vs direct",
                    "n/a",
                    "",
                    "the gateway on port " + gatewayPort + " did not answer /api/ready within 30 s");
            return;
        }
        // warm both paths
        b.latencies(direct, gateway, 500, GatewayBench::ready);
        double[][] ready = b.latencies(direct, gateway, READY_CALLS, GatewayBench::ready);
        row(results, "/api/ready", ready, "< 1 ms added at p50");
        b.latencies(direct, gateway, 5, GatewayBench::generate);
        double[][] gen = b.latencies(direct, gateway, GENERATIONS, GatewayBench::generate);
        row(results, "short generation (POST /api/tts-generate, one sentence)", gen, "-");
        GatewayThroughput.run(source, allTalkPort, gatewayPort, GatewayThroughput.pids(hostPid), results);
    }

    private static void row(Results results, String what, double[][] lat, String goal) {
        double[] d = lat[0];
        double[] g = lat[1];
        double p50 = pct(g, 50) - pct(d, 50);
        double p99 = pct(g, 99) - pct(d, 99);
        String verdict = goal.startsWith("<") ? Results.verdict(p50 < 1.0) + "; " : "";
        results.add(
                "gateway",
                "added latency on " + what + ", p50 / p99, " + d.length + " calls each",
                String.format(Locale.ROOT, "%.2f / %.2f ms", p50, p99),
                goal,
                verdict
                        + String.format(
                                Locale.ROOT,
                                "direct p50 %.2f p99 %.2f ms; gateway p50 %.2f p99 %.2f ms",
                                pct(d, 50),
                                pct(d, 99),
                                pct(g, 50),
                                pct(g, 99)));
    }

    interface Call {
        HttpRequest request(URI base);
    }

    static HttpRequest ready(URI base) {
        return HttpRequest.newBuilder(base.resolve("/api/ready")).GET().build();
    }

    static HttpRequest generate(URI base) {
        return HttpRequest.newBuilder(base.resolve("/api/tts-generate"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text_input=Hello+there.&output_file_name=bench"))
                .build();
    }

    /** Alternating calls, direct then gateway; milliseconds of each, [0] direct, [1] gateway. */
    private double[][] latencies(URI direct, URI gateway, int n, Call call) throws Exception {
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = once(call.request(direct));
            out[1][i] = once(call.request(gateway));
        }
        return out;
    }

    private double once(HttpRequest r) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - t0) / 1e6;
        if (resp.statusCode() != 200) {
            throw new IllegalStateException(r.uri() + " answered " + resp.statusCode() + ": "
                    + new String(resp.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return ms;
    }

    private boolean awaitOk(URI uri, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(uri)
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return true;
                }
            } catch (Exception e) {
                // not yet
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
