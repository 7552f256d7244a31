package org.talkhost.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Issue #17's throughput rows: {@value #CLIENTS} concurrent clients through the gateway against the same
 * clients calling AllTalk (the stand-in) directly, in alternating rounds, on {@code /api/ready} and on a short
 * generation (AllTalk's real work). The lean {@link Load} generator keeps the load generator from being the
 * limit (the JDK's HttpClient was: it capped the direct figure). Besides both rates and their ratio, it reports
 * the CPU time each process spent per request: when the machine's cores are the limit, the ratio cannot exceed
 * direct CPU per request / gateway CPU per request, which tells where the difference goes.
 */
final class GatewayThroughput {
    static final int CLIENTS = 8;
    static final int ROUNDS = 3;
    static final long READY_MILLIS = 3000;
    static final long GENERATE_MILLIS = 4000;
    static final String GENERATION = "text_input=Hello+there.&output_file_name=bench";

    static final String HOST = "host";
    static final String STANDIN = "stand-in";
    static final String LOAD = "load generator";

    /** The mean of the rounds: rates, CPU per request of each process, cores busy; direct then gateway. */
    record Figures(String what, Side direct, Side gateway, double peakHostRssMb) {
        double share() {
            return 100 * gateway.perSecond / direct.perSecond;
        }

        /** The highest ratio the CPU time per request allows when the cores are the limit. */
        double cpuBound() {
            return 100 * direct.cpuTotal() / gateway.cpuTotal();
        }
    }

    /** One side's means over the rounds. */
    static final class Side {
        double perSecond;
        long failed;
        double busyCores;
        final Map<String, double[]> cpu = new LinkedHashMap<>(); // name -> {user, kernel}
        int rounds;

        void add(Load.Round r) {
            rounds++;
            perSecond += (r.perSecond() - perSecond) / rounds;
            busyCores += (r.busyCores() - busyCores) / rounds;
            failed += r.failed();
            r.cpuPerRequest().forEach((k, c) -> {
                double[] m = cpu.computeIfAbsent(k, x -> new double[2]);
                m[0] += (c.user() - m[0]) / rounds;
                m[1] += (c.kernel() - m[1]) / rounds;
            });
        }

        double cpuTotal() {
            return cpu.values().stream().mapToDouble(m -> m[0] + m[1]).sum();
        }

        double cpu(String name) {
            double[] m = cpu.get(name);
            return m == null ? 0 : m[0] + m[1];
        }

        String cpuParts(String... names) {
            StringBuilder b = new StringBuilder();
            for (String n : names) {
                double[] m = cpu.get(n);
                if (m != null) {
                    b.append(b.length() == 0 ? "" : " + ")
                            .append(String.format(Locale.ROOT, "%s %.0f (%.0f kernel)", n, m[0] + m[1], m[1]));
                }
            }
            return b.toString();
        }
    }

    private GatewayThroughput() {}

    /** Alternating rounds on {@code /api/ready} or a short generation; {@code pids}: the processes to account. */
    static Figures measure(
            String what,
            int allTalkPort,
            int gatewayPort,
            boolean generate,
            long millis,
            int rounds,
            Map<String, Long> pids)
            throws InterruptedException {
        Load.Request toDirect = generate
                ? Load.Request.postForm(allTalkPort, "/api/tts-generate", GENERATION)
                : Load.Request.get(allTalkPort, "/api/ready");
        Load.Request toGateway = generate
                ? Load.Request.postForm(gatewayPort, "/api/tts-generate", GENERATION)
                : Load.Request.get(gatewayPort, "/api/ready");
        Long hostPid = pids.get(HOST);
        double[] peak = {-1};
        Thread rss = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak[0] = Math.max(peak[0], hostPid == null ? -1 : Proc.rssMb(hostPid));
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "bench-rss");
        rss.setDaemon(true);
        rss.start();
        try {
            // warm both paths (the host's compiler, both servers' pools), then alternate
            Load.round(allTalkPort, toDirect, CLIENTS, millis / 2, pids);
            Load.round(gatewayPort, toGateway, CLIENTS, millis / 2, pids);
            Side direct = new Side();
            Side gateway = new Side();
            for (int i = 0; i < rounds; i++) {
                Load.Round d = Load.round(allTalkPort, toDirect, CLIENTS, millis, pids);
                Load.Round g = Load.round(gatewayPort, toGateway, CLIENTS, millis, pids);
                System.out.printf(
                        Locale.ROOT,
                        "  %s round %d: direct %.0f/s (%d failed; %s), gateway %.0f/s (%d failed; %s)%n",
                        what,
                        i + 1,
                        d.perSecond(),
                        d.failed(),
                        d.cpu(),
                        g.perSecond(),
                        g.failed(),
                        g.cpu());
                direct.add(d);
                gateway.add(g);
            }
            return new Figures(what, direct, gateway, peak[0]);
        } finally {
            rss.interrupt();
            rss.join(1000);
        }
    }

    /** Both rows (/api/ready with the goal, then a short generation), and the memory row. */
    static void run(int allTalkPort, int gatewayPort, Map<String, Long> pids, Results results)
            throws InterruptedException {
        Figures ready = measure("/api/ready", allTalkPort, gatewayPort, false, READY_MILLIS, ROUNDS, pids);
        row(results, "/api/ready", ready);
        Figures gen = measure("generation", allTalkPort, gatewayPort, true, GENERATE_MILLIS, ROUNDS, pids);
        row(results, "a short generation (POST /api/tts-generate, one sentence)", gen);
        double peak = Math.max(ready.peakHostRssMb(), gen.peakHostRssMb());
        results.add(
                "memory",
                "host resident memory while serving " + CLIENTS + " concurrent clients through the gateway",
                String.format(Locale.ROOT, "%.0f MB", peak),
                "< 130 MB",
                Results.verdict(peak > 0 && peak < 130) + "; highest VmRSS sampled every 100 ms");
    }

    private static void row(Results results, String what, Figures f) {
        Side d = f.direct();
        Side g = f.gateway();
        results.add(
                "gateway",
                "throughput, " + CLIENTS + " concurrent clients on " + what + ", gateway / direct",
                String.format(Locale.ROOT, "%.0f %%", f.share()),
                ">= 90 %",
                Results.verdict(f.share() >= 90)
                        + String.format(
                                Locale.ROOT,
                                "; gateway %.0f req/s, direct %.0f req/s (%d alternating rounds of %d s, %d keep-alive "
                                        + "connections, %d failed); CPU per request, µs: direct %.0f = %s; through "
                                        + "the gateway %.0f = %s; cores busy: direct %.1f, gateway %.1f of %d; "
                                        + "with the cores the limit the ratio cannot exceed %.0f / %.0f = %.0f %%",
                                g.perSecond,
                                d.perSecond,
                                d.rounds,
                                (f.what().equals("generation") ? GENERATE_MILLIS : READY_MILLIS) / 1000,
                                CLIENTS,
                                d.failed + g.failed,
                                d.cpuTotal(),
                                d.cpuParts(STANDIN, LOAD, HOST),
                                g.cpuTotal(),
                                g.cpuParts(HOST, STANDIN, LOAD),
                                d.busyCores,
                                g.busyCores,
                                Runtime.getRuntime().availableProcessors(),
                                d.cpuTotal(),
                                g.cpuTotal(),
                                f.cpuBound()));
    }

    /**
     * Standalone, for profiling a change:
     * {@code java -cp bench/target/classes org.talkhost.bench.GatewayThroughput SOURCE [rounds] [soak]}; with
     * {@code soak} it prints the host's pid and loads only the gateway (attach JFR, perf or strace meanwhile).
     */
    public static void main(String[] args) throws Exception {
        Path source =
                Paths.get(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : ROUNDS;
        int port = Proc.freePort();
        try (HostRun host = HostRun.start(source, "mode=\"standin\"", "ports=I[\"" + port + "\"]")) {
            if (Proc.awaitReady(port, System.nanoTime(), 60_000) < 0
                    || Proc.awaitReady(host.gatewayPort, System.nanoTime(), 30_000) < 0) {
                throw new IllegalStateException("no ready stand-in or gateway: " + host.lines);
            }
            Map<String, Long> pids = pids(host);
            if (args.length > 2 && "soak".equals(args[2])) {
                System.out.println("soak host " + host.process.pid() + " stand-in " + pids.get(STANDIN));
                for (int i = 0; i < rounds; i++) {
                    Load.Round r = Load.round(
                            host.gatewayPort, Load.Request.get(host.gatewayPort, "/api/ready"), CLIENTS, 3000, pids);
                    System.out.printf(Locale.ROOT, "  gateway %.0f/s %s%n", r.perSecond(), r.cpu());
                }
                return;
            }
            Results results = new Results();
            run(port, host.gatewayPort, pids, results);
        }
    }

    /** The processes whose CPU time the rounds account: the host, the stand-in it started, this generator. */
    static Map<String, Long> pids(HostRun host) {
        return pids(host.process.pid());
    }

    static Map<String, Long> pids(long hostPid) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put(HOST, hostPid);
        ProcessHandle.of(hostPid)
                .flatMap(h -> h.descendants()
                        .filter(d -> d.info().commandLine().orElse("").contains("alltalk-standin"))
                        .findFirst())
                .ifPresent(s -> pids.put(STANDIN, s.pid()));
        pids.put(LOAD, ProcessHandle.current().pid());
        return pids;
    }
}
