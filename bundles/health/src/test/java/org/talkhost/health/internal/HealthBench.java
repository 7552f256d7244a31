package org.talkhost.health.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.talkhost.api.client.BusyException;
import org.talkhost.api.client.ReadyAnswer;
import org.talkhost.api.client.UnavailableException;
import org.talkhost.api.notice.Notice;

import com.sun.net.httpserver.HttpServer;

/**
 * Health check latency on loopback, and the time from a server's death (crash or hang) to the DOWN notice.
 * Run: {@code java -cp <test class path> org.talkhost.health.internal.HealthBench [samples] [--quick]}.
 * The GET here is the JDK's (HttpURLConnection), not TalkHost's client: the figures are the check's own overhead on top of
 * a plain loopback GET; the real client is measured separately.
 */
public final class HealthBench {

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 20_000;
        boolean quick = Arrays.asList(args).contains("--quick");
        // Without TCP_NODELAY, com.sun.net.httpserver answers each keep-alive request ~40 ms late on Linux
        // (Nagle + delayed ACK); AllTalk's uvicorn sets it. Must be set before the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        System.out.printf(
                Locale.ROOT,
                "HealthBench: %d samples each, Java %s, %d cores, server nodelay=%s%n",
                samples,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("sun.net.httpserver.nodelay"));
        try (ReadyServer server = ReadyServer.start()) {
            JdkReadyClient get = new JdkReadyClient(server.uri());
            Duration timeout = Duration.ofMillis(1500);
            measure("plain GET /api/ready (HttpURLConnection)", samples, () -> get.ready(timeout));
            HealthMonitorImpl offline = monitor(new InstantClient(), new InlineScheduler());
            measure("check pipeline alone (no network)", samples, () -> offline.check(false));
            HealthMonitorImpl online = monitor(get, new InlineScheduler());
            measure("full check: GET + pipeline, inline", samples, () -> online.check(false));
            HealthMonitorImpl threaded = monitor(get, new ExecutorCheckScheduler("talkhost-health-bench"));
            measure("checkNow(): GET + pipeline via the check thread", samples, threaded::checkNow);
            threaded.stop();
        }
        deathToNotice("crash (server stopped)", fast(), false);
        deathToNotice("hang (server answers nothing)", fast(), true);
        if (!quick) {
            deathToNotice("crash, default settings", HealthSettings.defaults(), false);
            deathToNotice("hang, default settings", HealthSettings.defaults(), true);
        }
    }

    private static HealthSettings fast() {
        return new HealthSettings(
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                3,
                Duration.ofMillis(1000),
                Duration.ZERO,
                100,
                Duration.ofSeconds(30),
                0,
                0);
    }

    private static HealthMonitorImpl monitor(ClientStub client, CheckScheduler scheduler) {
        HealthMonitorImpl m = new HealthMonitorImpl(client, Clock.systemUTC(), scheduler);
        m.events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {}

            @Override
            public void sendEvent(Event event) {}
        };
        return m;
    }

    private static void measure(String name, int samples, Callable<?> op) throws Exception {
        for (int i = 0; i < Math.max(2_000, samples / 5); i++) {
            op.call();
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            op.call();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "%-52s p50 %8.1f us  p99 %8.1f us  max %8.1f us%n",
                name,
                nanos[samples / 2] / 1e3,
                nanos[(int) (samples * 0.99)] / 1e3,
                nanos[samples - 1] / 1e3);
    }

    /** From the moment the server dies to the DOWN notice being posted, with the real check thread. */
    private static void deathToNotice(String name, HealthSettings settings, boolean hang) throws Exception {
        try (ReadyServer server = ReadyServer.start()) {
            CountDownLatch ready = new CountDownLatch(1);
            CountDownLatch down = new CountDownLatch(1);
            long[] downAt = new long[1];
            HealthMonitorImpl m = new HealthMonitorImpl(
                    new JdkReadyClient(server.uri()),
                    Clock.systemUTC(),
                    new ExecutorCheckScheduler("talkhost-health-bench"));
            m.events = new EventAdmin() {
                @Override
                public void postEvent(Event event) {
                    Notice n = Notice.fromEvent(event);
                    if (n != null && n.code().startsWith("health.ready")) {
                        ready.countDown();
                    } else if (n != null && n.code().startsWith("health.down")) {
                        downAt[0] = System.nanoTime();
                        down.countDown();
                    }
                }

                @Override
                public void sendEvent(Event event) {
                    postEvent(event);
                }
            };
            m.apply(settings);
            if (!ready.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never ready");
            }
            long dead = System.nanoTime();
            if (hang) {
                server.hang();
            } else {
                server.close();
            }
            long limit = settings.interval()
                            .multipliedBy(settings.failuresBeforeDown() + 2)
                            .toSeconds()
                    + settings.timeout().toSeconds() * settings.failuresBeforeDown()
                    + 5;
            boolean seen = down.await(limit, TimeUnit.SECONDS);
            m.stop();
            if (!seen) {
                System.out.printf("%-52s no DOWN notice within %d s%n", name, limit);
                return;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-52s death -> DOWN notice %6.2f s (interval %d s x %d, timeout %.1f s)%n",
                    name,
                    (downAt[0] - dead) / 1e9,
                    settings.interval().toSeconds(),
                    settings.failuresBeforeDown(),
                    settings.timeout().toMillis() / 1000.0);
        }
    }

    /** {@code GET /api/ready} with HttpURLConnection (keep-alive); timeouts are "busy", refusals "unavailable". */
    static final class JdkReadyClient extends ClientStub {
        private final URL ready;

        JdkReadyClient(URI base) throws IOException {
            this.ready = base.resolve("/api/ready").toURL();
        }

        @Override
        public ReadyAnswer ready(Duration timeout) {
            long t0 = System.nanoTime();
            try {
                HttpURLConnection c = (HttpURLConnection) ready.openConnection();
                c.setConnectTimeout((int) timeout.toMillis());
                c.setReadTimeout((int) timeout.toMillis());
                int status = c.getResponseCode();
                String body;
                try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                    body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                }
                return new ReadyAnswer(
                        status == 200 && body.equals("Ready"), body, Duration.ofNanos(System.nanoTime() - t0));
            } catch (SocketTimeoutException e) {
                throw new BusyException("AllTalk did not answer in time.", e.toString(), e);
            } catch (IOException e) {
                throw new UnavailableException("Nothing answers.", e.toString(), e);
            }
        }
    }

    /** Answers Ready at once: the pipeline without the network. */
    static final class InstantClient extends ClientStub {
        @Override
        public ReadyAnswer ready(Duration timeout) {
            return new ReadyAnswer(true, "Ready", Duration.ofNanos(1000));
        }
    }

    /** Runs calls inline and never runs periodic checks or the process watch: the bench calls the check itself. */
    static final class InlineScheduler implements CheckScheduler {
        @Override
        public void schedule(Runnable task, Duration delay) {}

        @Override
        public void every(Runnable task, Duration period) {}

        @Override
        public <T> T call(Callable<T> task, Duration timeout) throws Exception {
            return task.call();
        }

        @Override
        public void shutdown() {}
    }

    /** A loopback server answering {@code Ready} without a content type, like AllTalk; it can hang. */
    static final class ReadyServer implements AutoCloseable {
        private final HttpServer server;
        private final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean hanging;
        private boolean closed;

        private ReadyServer(HttpServer server) {
            this.server = server;
        }

        static ReadyServer start() throws IOException {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            ReadyServer rs = new ReadyServer(s);
            s.createContext("/api/ready", ex -> {
                if (rs.hanging) {
                    try {
                        rs.release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = "Ready".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            });
            s.start();
            return rs;
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        void hang() {
            hanging = true;
        }

        @Override
        public void close() {
            release.countDown();
            if (!closed) {
                closed = true;
                server.stop(0);
            }
        }
    }
}
