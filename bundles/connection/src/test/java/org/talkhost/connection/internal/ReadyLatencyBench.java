package org.talkhost.connection.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Not a test: a benchmark with a main. Latency of {@code ready()} through the client against the
 * in-process stand-in, and of the same GET through a raw pooled HttpClient on the same server, in
 * the same run, in alternating rounds (so both see the same machine state).
 * <p>
 * Run: {@code java -cp target/test-classes:target/classes:<test class path>
 * org.talkhost.connection.internal.ReadyLatencyBench [iterations per round] [rounds]}
 */
public final class ReadyLatencyBench {

    private ReadyLatencyBench() {}

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        // The JDK's HttpServer (the stand-in's) writes the head and the body of an answer separately; with
        // Nagle's algorithm on, the body then waits for the client's delayed ACK (~40 ms on Linux), which
        // would measure the kernel's timer rather than either client. Uvicorn (AllTalk) sets TCP_NODELAY.
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        try (InProcessStandin standin = InProcessStandin.start("v2");
                CloseableHttpClient raw = HttpClients.custom()
                        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                                .build())
                        .build()) {
            AllTalkClientImpl client = new AllTalkClientImpl(
                    TestConfigs.alltalk(Map.of("port", standin.port())),
                    TestConfigs.connection(),
                    (RetryingCalls.Sleeper) null);
            String url = "http://127.0.0.1:" + standin.port() + "/api/ready";
            Call viaClient = () -> {
                if (!client.ready().ready()) {
                    throw new IllegalStateException("not ready");
                }
            };
            Call viaRaw = () -> {
                String body = raw.execute(new HttpGet(url), r -> EntityUtils.toString(r.getEntity()));
                if (!"Ready".equals(body)) {
                    throw new IllegalStateException("not ready: " + body);
                }
            };
            for (int i = 0; i < Math.max(2_000, perRound * rounds / 5); i++) { // warm-up: JIT, pools, connections
                viaClient.run();
                viaRaw.run();
            }
            long[] c = new long[perRound * rounds];
            long[] r = new long[perRound * rounds];
            for (int round = 0; round < rounds; round++) {
                measure(round % 2 == 0 ? viaClient : viaRaw, round % 2 == 0 ? c : r, round * perRound, perRound);
                measure(round % 2 == 0 ? viaRaw : viaClient, round % 2 == 0 ? r : c, round * perRound, perRound);
            }
            client.stop();
            Arrays.sort(c);
            Arrays.sort(r);
            System.out.printf(
                    "ready() over loopback, in-process stand-in (v2), %d calls each, %d cores, Java %s%n",
                    c.length, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.printf("%-22s %9s %9s %9s %9s%n", "", "p50 ms", "p90 ms", "p99 ms", "max ms");
            print("AllTalkClient.ready()", c);
            print("raw HttpClient GET", r);
            System.out.printf(
                    "%-22s %9.3f %9.3f %9.3f%n",
                    "overhead", ms(p(c, 50) - p(r, 50)), ms(p(c, 90) - p(r, 90)), ms(p(c, 99) - p(r, 99)));
        }
    }

    private interface Call {
        void run() throws IOException;
    }

    private static void measure(Call call, long[] into, int from, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            call.run();
            into[from + i] = System.nanoTime() - start;
        }
    }

    private static long p(long[] sorted, double percentile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void print(String name, long[] sorted) {
        System.out.printf(
                "%-22s %9.3f %9.3f %9.3f %9.3f%n",
                name, ms(p(sorted, 50)), ms(p(sorted, 90)), ms(p(sorted, 99)), ms(sorted[sorted.length - 1]));
    }
}
