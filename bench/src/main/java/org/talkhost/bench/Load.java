package org.talkhost.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lean HTTP/1.1 load generator: each client is one thread on one keep-alive connection that sends the
 * same request again as soon as the answer is in (like {@code wrk}). It does as little as a client can (one
 * prepared request, no URI parsing, no thread hand-offs), so that the servers it measures, not the generator,
 * use the machine's cores. Also reads how much CPU time each process of interest used during a round.
 */
final class Load {

    /** One request, as the bytes sent. */
    record Request(String name, byte[] bytes) {
        static Request get(int port, String path) {
            return new Request(
                    "GET " + path,
                    ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
        }

        static Request postForm(int port, String path, String form) {
            byte[] body = form.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[head.length + body.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            return new Request("POST " + path, all);
        }
    }

    /**
     * One round: requests answered with 200 per second, failures (another status, or a broken connection), and
     * the CPU time per request of each named process, in microseconds (-1 when unknown).
     */
    record Round(double perSecond, long answered, long failed, Map<String, Cpu> cpuPerRequest, double busyCores) {
        String cpu() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.1f cores busy; ", busyCores));
            cpuPerRequest.forEach((k, v) ->
                    b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
            return b.toString();
        }
    }

    /** CPU time per request in microseconds, in user space and in the kernel (-1 when unknown). */
    record Cpu(double user, double kernel) {
        double total() {
            return user < 0 ? -1 : user + kernel;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f µs (%.0f user + %.0f kernel)", total(), user, kernel);
        }
    }

    private Load() {}

    /** {@code clients} connections sending {@code request} to port for {@code millis}; CPU of {@code pids}. */
    static Round round(int port, Request request, int clients, long millis, Map<String, Long> pids)
            throws InterruptedException {
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch started = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        AtomicLong stopAt = new AtomicLong();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(
                    () -> client(
                            port, request, started, go, () -> System.nanoTime() - stopAt.get() >= 0, answered, failed),
                    "bench-load-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        started.await();
        Map<String, long[]> cpu0 = cpuTicks(pids);
        long[] machine0 = machineTicks();
        long t0 = System.nanoTime();
        stopAt.set(t0 + millis * 1_000_000L);
        long n0 = answered.get();
        go.countDown();
        for (Thread t : threads) {
            t.join(millis + 30_000);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long n = answered.get() - n0;
        long all = n + failed.get(); // every answer cost CPU time, a refusal too
        Map<String, long[]> cpu1 = cpuTicks(pids);
        long[] machine1 = machineTicks();
        double busyCores =
                machine0 == null || machine1 == null ? -1 : (machine1[0] - machine0[0]) / TICKS_PER_SECOND / secs;
        Map<String, Cpu> perRequest = new LinkedHashMap<>();
        for (String k : pids.keySet()) {
            long[] a = cpu0.get(k);
            long[] b = cpu1.get(k);
            double scale = 1e6 / TICKS_PER_SECOND / Math.max(1, all);
            perRequest.put(
                    k,
                    a == null || b == null || all == 0
                            ? new Cpu(-1, -1)
                            : new Cpu((b[0] - a[0]) * scale, (b[1] - a[1]) * scale));
        }
        return new Round(n / secs, n, failed.get(), perRequest, busyCores);
    }

    private interface Stop {
        boolean now();
    }

    private static void client(
            int port,
            Request request,
            CountDownLatch started,
            CountDownLatch go,
            Stop stop,
            AtomicLong answered,
            AtomicLong failed) {
        Socket s = null;
        try {
            s = open(port);
            started.countDown();
            go.await();
            Reader in = new Reader(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (!stop.now()) {
                try {
                    out.write(request.bytes());
                    out.flush();
                    int status = in.response();
                    if (status == 200) {
                        answered.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                    if (in.closing) {
                        s.close();
                        s = open(port);
                        in = new Reader(s.getInputStream());
                        out = s.getOutputStream();
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                    s.close();
                    s = open(port);
                    in = new Reader(s.getInputStream());
                    out = s.getOutputStream();
                }
            }
        } catch (IOException | InterruptedException e) {
            failed.incrementAndGet();
        } finally {
            started.countDown();
            if (s != null) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    private static Socket open(int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return s;
    }

    /** Reads one HTTP/1.1 response at a time: status line, headers, and a body by length or in chunks. */
    private static final class Reader {
        private final InputStream in;
        private final StringBuilder line = new StringBuilder();
        private final byte[] skip = new byte[16 * 1024];
        boolean closing;

        Reader(InputStream in) {
            this.in = new BufferedInputStream(in, 16 * 1024);
        }

        int response() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            closing = false;
            String h;
            while (!(h = line()).isEmpty()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("connection")) {
                    closing = value.equalsIgnoreCase("close");
                }
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            } else if (length < 0) {
                while (in.read(skip) >= 0) {
                    // body until the connection ends
                }
                closing = true;
            }
            return code;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                int r = in.read(skip, 0, (int) Math.min(skip.length, n));
                if (r < 0) {
                    throw new IOException("the connection ended inside a body");
                }
                n -= r;
            }
        }

        private String line() throws IOException {
            line.setLength(0);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("the connection ended");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    /** Linux's USER_HZ: /proc/PID/stat counts CPU time in these. */
    private static final double TICKS_PER_SECOND = 100;

    /** Ticks the whole machine spent busy (all but idle and iowait, all cores) from /proc/stat; null when unknown. */
    static long[] machineTicks() {
        try {
            String[] f =
                    Files.readAllLines(Paths.get("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 8); i++) { // user nice system (idle iowait) irq softirq
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return new long[] {busy};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {utime, stime} of each process from /proc; null when it cannot be read (not Linux, or gone). */
    static Map<String, long[]> cpuTicks(Map<String, Long> pids) {
        Map<String, long[]> out = new LinkedHashMap<>();
        pids.forEach((k, pid) -> out.put(k, cpuTicks(pid)));
        return out;
    }

    static long[] cpuTicks(long pid) {
        try {
            String stat = Files.readString(Paths.get("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])}; // fields 14 and 15 of the line
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
