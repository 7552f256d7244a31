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
 * the CPU time each process spent per request, which tells where the difference goes: the machine's cores
 * serve at most (cores / CPU time per request) requests a second on a path, whatever the gateway does with its
 * threads. A plain TCP relay, measured alongside, shows what any proxy costs here at the least.
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
    static final String RELAY = "relay";

    /** The mean of the rounds: rates, CPU per request of each process, cores busy; direct, gateway, relay. */
    record Figures(String what, Side direct, Side gateway, Side relay, double peakHostRssMb) {
        double share() {
            return 100 * gateway.perSecond / direct.perSecond;
        }
    }

    /** Requests a second the machine's cores can serve at {@code micros} of CPU time each. */
    static double coresAllow(double micros) {
        return Runtime.getRuntime().availableProcessors() * 1e6 / micros;
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
            Map<String, Long> pids,
            int relayPort)
            throws InterruptedException {
        Load.Request toRelay = relayPort <= 0 ? null : Load.Request.get(relayPort, "/api/ready");
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
            Side relay = new Side();
            if (toRelay != null) {
                Load.round(relayPort, toRelay, CLIENTS, millis / 2, pids);
            }
            for (int i = 0; i < rounds; i++) {
                Load.Round d = Load.round(allTalkPort, toDirect, CLIENTS, millis, pids);
                Load.Round g = Load.round(gatewayPort, toGateway, CLIENTS, millis, pids);
                if (toRelay != null) {
                    Load.Round r = Load.round(relayPort, toRelay, CLIENTS, millis, pids);
                    System.out.printf(
                            Locale.ROOT,
                            "  relay round %d: %.0f/s (%d failed; %s)%n",
                            i + 1,
                            r.perSecond(),
                            r.failed(),
                            r.cpu());
                    relay.add(r);
                }
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
            return new Figures(what, direct, gateway, relay, peak[0]);
        } finally {
            rss.interrupt();
            rss.join(1000);
        }
    }

    /** Both rows (/api/ready with the goal, then a short generation), and the memory row. */
    static void run(Path source, int allTalkPort, int gatewayPort, Map<String, Long> pids, Results results)
            throws Exception {
        Figures ready;
        try (Relay.Started relay = Relay.start(source, allTalkPort)) {
            Map<String, Long> withRelay = new LinkedHashMap<>(pids);
            withRelay.put(RELAY, relay.process().pid());
            ready = measure(
                    "/api/ready", allTalkPort, gatewayPort, false, READY_MILLIS, ROUNDS, withRelay, relay.port());
        }
        row(results, "/api/ready", ready);
        relayRow(results, ready);
        serverSide(results, gatewayPort, pids);
        Figures gen = measure("generation", allTalkPort, gatewayPort, true, GENERATE_MILLIS, ROUNDS, pids, 0);
        row(results, "a short generation (POST /api/tts-generate, one sentence)", gen);
        double peak = Math.max(ready.peakHostRssMb(), gen.peakHostRssMb());
        results.add(
                "memory",
                "host resident memory while serving " + CLIENTS + " concurrent clients through the gateway",
                String.format(Locale.ROOT, "%.0f MB", peak),
                "< 130 MB",
                Results.verdict(peak > 0 && peak < 130) + "; highest VmRSS sampled every 100 ms");
    }

    /**
     * What the HTTP runtime (Jetty through Felix HTTP) and the gateway's admission cost alone: requests the gateway
     * answers itself (a file name it refuses, 400), no call to AllTalk.
     */
    private static void serverSide(Results results, int gatewayPort, Map<String, Long> pids)
            throws InterruptedException {
        Load.Request refused = Load.Request.get(gatewayPort, "/audio/.refused");
        Load.round(gatewayPort, refused, CLIENTS, READY_MILLIS / 2, pids);
        Load.Round r = Load.round(gatewayPort, refused, CLIENTS, READY_MILLIS, pids);
        Load.Cpu host = r.cpuPerRequest().get(HOST);
        results.add(
                "gateway",
                "for reference: host CPU per request the gateway answers itself (a refused file name, no AllTalk "
                        + "call), " + CLIENTS + " clients",
                String.format(Locale.ROOT, "%.0f µs", host.total()),
                "-",
                String.format(
                        Locale.ROOT,
                        "%.0f user + %.0f kernel; %.0f answers/s; the HTTP runtime (Jetty through Felix HTTP) and "
                                + "the gateway's admission, without the call to AllTalk",
                        host.user(),
                        host.kernel(),
                        r.failed() * 1000.0 / READY_MILLIS));
    }

    private static void relayRow(Results results, Figures f) {
        Side d = f.direct();
        Side r = f.relay();
        results.add(
                "gateway",
                "for reference: the same through a plain TCP relay (copies bytes, no HTTP: the floor of any proxy "
                        + "here), relay / direct",
                String.format(Locale.ROOT, "%.0f %%", 100 * r.perSecond / d.perSecond),
                "-",
                String.format(
                        Locale.ROOT,
                        "relay %.0f req/s, direct %.0f req/s; CPU per request, µs: %.0f = %s; %d cores allow at most "
                                + "%.0f req/s at that (%.0f %% of direct)",
                        r.perSecond,
                        d.perSecond,
                        r.cpuTotal(),
                        r.cpuParts(RELAY, STANDIN, LOAD, HOST),
                        Runtime.getRuntime().availableProcessors(),
                        coresAllow(r.cpuTotal()),
                        100 * coresAllow(r.cpuTotal()) / d.perSecond));
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
                                        + "the gateway %.0f = %s; cores busy: direct %.1f, gateway %.1f of %d, which "
                                        + "allow at most %.0f req/s at the gateway's CPU per request (%s)",
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
                                coresAllow(g.cpuTotal()),
                                coresAllow(g.cpuTotal()) > d.perSecond
                                        ? "more than direct: the cores are not what limits this path"
                                        : String.format(
                                                Locale.ROOT,
                                                "%.0f %% of direct",
                                                100 * coresAllow(g.cpuTotal()) / d.perSecond)));
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
            run(source, port, host.gatewayPort, pids, new Results());
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
