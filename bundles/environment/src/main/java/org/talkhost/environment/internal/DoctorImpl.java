package org.talkhost.environment.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.HostPaths;
import org.talkhost.api.config.InstanceIdentity;
import org.talkhost.api.config.Instances;
import org.talkhost.api.config.Mode;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;
import org.talkhost.api.environment.Doctor;
import org.talkhost.api.environment.DoctorReport;
import org.talkhost.api.environment.EnvironmentCheck;
import org.talkhost.api.environment.EnvironmentContext;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationsLog;

/**
 * Runs every {@link EnvironmentCheck} (whiteboard) through a {@link CheckRunner}, keeps the report a few
 * seconds and logs it. One doctor per AllTalk instance, like the Supervisor it serves: it reads {@link
 * EnvironmentConfig} (designated by {@link PythonProbe}: bnd allows a designate only on a single-PID component) and
 * the instance's copy of its settings ({@value Instances#FACTORY_PID}, with the instance's name, so that the
 * Supervisor's targeted reference finds it). Felix SCR reads a component's PIDs in order when it sets the
 * component up and stops at the first one without a configuration, so {@code org.talkhost.environment} must have
 * one: the feature seeds it (without it, the doctor never got its instance, ran on the stand-in's defaults, and
 * the Supervisor found no doctor for a managed start).
 */
@Component(
        service = Doctor.class,
        configurationPid = {EnvironmentConfig.PID, Instances.FACTORY_PID})
public final class DoctorImpl implements Doctor {

    private record Registered(EnvironmentCheck check, int order) {}

    /** What the checks look at for some AllTalk settings, or why that cannot be worked out. */
    private record Target(EnvironmentContext context, String problem) {
        static Target of(AllTalkSettings allTalk, String instance) {
            try {
                return new Target(DoctorImpl.context(allTalk, instance), null);
            } catch (RuntimeException e) {
                return new Target(null, e.getMessage());
            }
        }
    }

    private record Settings(EnvironmentContext context, String problem, Duration cacheFor, Duration limit) {}

    private final List<Registered> checks = new CopyOnWriteArrayList<>();
    private final CheckRunner runner = new CheckRunner();
    /** Changes when checks or settings change, so that a report made before is not reused. */
    private final AtomicLong generation = new AtomicLong();
    /** The instance this doctor examines: its checks ask that instance's services, its log lines name it. */
    private final String instance;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OperationsLog log;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Metrics metrics;

    private volatile Settings settings;
    private DoctorReport cached;
    private long cachedAt;
    private long cachedGeneration;

    @Activate
    public DoctorImpl(EnvironmentConfig config, AllTalkSettings allTalk, InstanceIdentity instance) {
        this.instance = instance.talkhost_instance();
        configure(config, allTalk);
    }

    /** The default instance's doctor (tests). */
    DoctorImpl(EnvironmentConfig config, AllTalkSettings allTalk) {
        this.instance = Instances.DEFAULT;
        configure(config, allTalk);
    }

    @Modified
    void configure(EnvironmentConfig config, AllTalkSettings allTalk) {
        Target t = Target.of(allTalk, instance);
        settings = new Settings(
                t.context(), t.problem(), seconds(config.cacheSeconds()), seconds(config.checkTimeoutSeconds()));
        generation.incrementAndGet();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(EnvironmentCheck check, Map<String, Object> properties) {
        checks.add(new Registered(check, CheckOrder.of(properties.get(CheckOrder.PROPERTY))));
        generation.incrementAndGet();
    }

    void removeCheck(EnvironmentCheck check) {
        checks.removeIf(r -> r.check() == check);
        generation.incrementAndGet();
    }

    @Override
    public synchronized DoctorReport examine(boolean fresh) {
        Settings s = settings;
        long gen = generation.get();
        long now = System.nanoTime();
        if (!fresh
                && cached != null
                && cachedGeneration == gen
                && now - cachedAt < s.cacheFor().toNanos()) {
            return cached;
        }
        DoctorReport report = run(s.context(), s.problem(), s.limit());
        cached = report;
        cachedAt = System.nanoTime();
        cachedGeneration = gen;
        return report;
    }

    @Override
    public DoctorReport examine(AllTalkSettings allTalk) {
        Target t = Target.of(allTalk, instance);
        return run(t.context(), t.problem(), settings.limit());
    }

    private DoctorReport run(EnvironmentContext context, String problem, Duration limit) {
        long now = System.nanoTime();
        List<CheckResult> results = new ArrayList<>();
        if (context == null) {
            results.add(new CheckResult(
                    "configuration",
                    Findings.title("configuration"),
                    CheckStatus.FAIL,
                    EnvironmentCatalog.TEXT.text("doctor.config", problem),
                    EnvironmentCatalog.TEXT.text("doctor.config.fix"),
                    true,
                    Duration.ZERO));
        } else {
            List<Registered> list = new ArrayList<>(checks);
            list.sort(Comparator.comparingInt(Registered::order).thenComparing(r -> CheckGuard.title(r.check())));
            results.addAll(runner.runAll(list.stream().map(Registered::check).toList(), context, limit));
        }
        DoctorReport report = new DoctorReport(results, Duration.ofNanos(System.nanoTime() - now));
        OperationsLog l = log;
        ReportWriter.write(report, (l == null ? OperationsLog.NONE : l).about(instance));
        (metrics == null ? Metrics.NONE : metrics).record("environment.doctor", report.took(), !report.blocking());
        return report;
    }

    /** The checks' view of the main configuration; a relative installDir is taken from the TalkHost folder. */
    static EnvironmentContext context(AllTalkSettings s, String instance) {
        Mode mode = Mode.of(s);
        String dir = s.installDir() == null ? "" : s.installDir().trim();
        Path install = dir.isEmpty() ? null : HostPaths.home().resolve(dir);
        List<Integer> ports = new ArrayList<>();
        if (s.port() > 0) {
            ports.add(s.port());
        }
        for (int p : s.ports()) {
            if (!ports.contains(p)) {
                ports.add(p);
            }
        }
        return new EnvironmentContext(
                mode,
                install,
                s.python() == null ? "" : s.python().trim(),
                s.host(),
                ports,
                s.launchScript(),
                instance);
    }

    /** "20" or "0.5". */
    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0
                ? Long.toString(d.toSeconds())
                : BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.max(0, Math.round(s * 1000)));
    }

    @Deactivate
    void stop() {
        runner.close();
    }
}
