package org.talkhost.detection.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.HostPaths;
import org.talkhost.api.config.InstanceIdentity;
import org.talkhost.api.config.Instances;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.AllTalkDetector;
import org.talkhost.api.detection.Detection;
import org.talkhost.api.detection.Endpoint;
import org.talkhost.api.detection.ReadyState;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.detection.ServerProcess;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.notice.Messages;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.common.Notices;
import org.talkhost.common.Threads;

/**
 * Is AllTalk running? A process scan (on the caller's thread) while every candidate port is probed in
 * parallel, then one conclusion in plain words.
 */
@Component(
        service = AllTalkDetector.class,
        configurationPid = Instances.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class AllTalkDetectorImpl implements AllTalkDetector {
    private static final Logger LOG = LoggerFactory.getLogger(AllTalkDetectorImpl.class);
    static final String METRIC = "detection.detect";

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OperationsLog operationsLog;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Metrics metrics;

    private final Messages messages = DetectionCatalog.TEXT;
    private final ExecutorService pool = Executors.newCachedThreadPool(Threads.named("talkhost-detection"));
    private final EndpointProbe probe = new EndpointProbe();
    private final ProcessSource source;
    private final long selfPid = ProcessHandle.current().pid();
    private volatile AllTalkSettings settings;
    private volatile ProcessMatcher matcher;
    private String sourcePid = AllTalkSettings.PID;
    /** The instance this detector serves: its notices and log lines name it when the host has several. */
    private String instanceName = Instances.DEFAULT;

    private OtherInstances others = OtherInstances.NONE;

    @Activate
    public AllTalkDetectorImpl(AllTalkSettings settings, InstanceIdentity instance, @Reference OtherInstances others) {
        this(settings, ProcFsProcessSource.forThisMachine());
        this.sourcePid = instance.talkhost_source_pid();
        this.instanceName = instance.talkhost_instance();
        this.others = others;
        pool.execute(this::processes); // the first listing is the slowest (class loading): pay it now, not at the first
        // start
    }

    /** The default instance alone, on this machine's process list as the component reads it (benchmarks). */
    AllTalkDetectorImpl(AllTalkSettings settings) {
        this(settings, ProcFsProcessSource.forThisMachine());
    }

    AllTalkDetectorImpl(AllTalkSettings settings, ProcessSource source) {
        this.source = source;
        configure(settings);
    }

    @Modified
    void configure(AllTalkSettings settings) {
        this.settings = settings;
        String dir = settings.installDir();
        this.matcher = new ProcessMatcher(
                dir == null || dir.isBlank() ? null : HostPaths.home().resolve(dir), FolderFacts.DISK);
    }

    @Deactivate
    void stop() {
        pool.shutdownNow();
        probe.close();
    }

    @Override
    public Detection detect(NoticeListener listener) {
        AllTalkSettings s = settings;
        return detect(s.host(), candidates(s), listener);
    }

    @Override
    public Detection detect(String host, List<Integer> ports, NoticeListener listener) {
        long start = System.nanoTime();
        tell(
                listener,
                ServerAddress.onThisMachine(host)
                        ? messages.info("detect.start")
                        : messages.info("detect.start.remote", host));
        Duration timeout = timeout();
        List<Future<Endpoint>> probes = new ArrayList<>();
        Set<Integer> probed = new LinkedHashSet<>(ports);
        probed.forEach(port -> probes.add(pool.submit(() -> probe.probe(host, port, timeout))));
        ProcessScan scan = scan(host);
        for (ServerProcess p : scan.servers()) {
            if (p.port() > 0 && probed.add(p.port())) {
                probes.add(pool.submit(() -> probe.probe(host, p.port(), timeout)));
            }
        }
        List<Integer> order = new ArrayList<>(probed);
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            endpoints.add(await(probes.get(i), host, order.get(i), timeout));
        }
        Verdict verdict;
        synchronized (others) { // instances detecting at once: one server goes to one of them
            Set<Integer> theirs = others.ports(sourcePid);
            endpoints.removeIf(e -> theirs.contains(e.port()) && !ports.contains(e.port()));
            scan = new ProcessScan(
                    scan.servers().stream()
                            .filter(p -> !theirs.contains(p.port()))
                            .toList(),
                    scan.helpers());
            verdict = Verdict.decide(host, scan, endpoints, timeout, messages);
            verdict.chosen().ifPresent(e -> others.uses(sourcePid, e.port()));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Detection d = new Detection(
                scan.servers(),
                endpoints,
                verdict.conclusion(),
                verdict.chosen(),
                verdict.notice().text(),
                took);
        tell(listener, verdict.notice());
        record(d);
        return d;
    }

    @Override
    public Endpoint probe(String host, int port) {
        return probe.probe(host, port, timeout());
    }

    @Override
    public List<ServerProcess> processes() {
        return scan(settings.host()).servers();
    }

    /**
     * The servers on this machine that may be the AllTalk at {@code host}, but those on the ports of this host's
     * other instances (theirs, not ours). None when {@code host} is another machine.
     */
    private ProcessScan scan(String host) {
        if (!ServerAddress.onThisMachine(host)) {
            return ProcessScan.EMPTY; // AllTalk on another machine: no program here is it, whatever its port
        }
        try {
            ProcessScan all = matcher.match(source.list(), selfPid, source::parentOf);
            Set<Integer> theirs = others.ports(sourcePid);
            if (theirs.isEmpty()) {
                return all;
            }
            return new ProcessScan(
                    all.servers().stream()
                            .filter(p -> !theirs.contains(p.port()))
                            .toList(),
                    all.helpers());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The process list could not be read; detection relies on the ports alone", e);
            return ProcessScan.EMPTY;
        }
    }

    private Endpoint await(Future<Endpoint> f, String host, int port, Duration timeout) {
        try {
            return f.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Probe of port {} did not finish", port, e);
        }
        f.cancel(true);
        return new Endpoint(host, port, ServerKind.UNKNOWN, ReadyState.TIMEOUT, timeout, "probe did not finish");
    }

    private void record(Detection d) {
        String ms = String.valueOf(d.took().toMillis());
        String chosen = d.chosen()
                .map(e -> e.host() + ":" + e.port() + " (" + e.kind().words() + ")")
                .orElse("none");
        String ports = d.endpoints().stream()
                .map(e -> e.port() + "=" + e.kind() + "/" + e.ready())
                .collect(Collectors.joining(", "));
        String pids = d.processes().stream()
                .map(p -> p.pid() + "(" + p.kind() + (p.port() > 0 ? ":" + p.port() : "") + ")")
                .collect(Collectors.joining(", "));
        OperationsLog ops = (operationsLog == null ? OperationsLog.NONE : operationsLog).about(instanceName);
        OperationsLog.Level level = switch (d.conclusion()) {
            case DUPLICATE, FOREIGN, UNRESPONSIVE -> OperationsLog.Level.WARNING;
            default -> OperationsLog.Level.INFO;
        };
        ops.log(
                level,
                "Detection: {} in {} ms; use {}; ports [{}]; processes [{}]",
                d.conclusion(),
                ms,
                chosen,
                ports,
                pids);
        LOG.info("Detection: {} in {} ms; use {}; ports [{}]; processes [{}]", d.conclusion(), ms, chosen, ports, pids);
        (metrics == null ? Metrics.NONE : metrics).record(METRIC, d.took(), true);
    }

    private void tell(NoticeListener listener, Notice said) {
        Notice notice = said.about(instanceName);
        Notices.post(events, notice);
        if (listener != null) {
            Notices.tell(List.of(listener), notice);
        }
    }

    private Duration timeout() {
        double seconds = settings.healthTimeoutSeconds();
        return Duration.ofMillis((long) (Math.max(0.05, Math.min(10, seconds)) * 1000));
    }

    /** The configured port first (when chosen), then the candidate list; 7851 and 7852 when it is empty. */
    static List<Integer> candidates(AllTalkSettings s) {
        Set<Integer> out = new LinkedHashSet<>();
        if (s.port() > 0 && s.port() <= 65535) {
            out.add(s.port());
        }
        int[] ports = s.ports() == null || s.ports().length == 0 ? new int[] {7851, 7852} : s.ports();
        for (int p : ports) {
            if (p > 0 && p <= 65535) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }
}
