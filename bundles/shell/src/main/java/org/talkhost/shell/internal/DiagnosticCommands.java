package org.talkhost.shell.internal;

import static org.talkhost.shell.internal.ShellCatalog.TEXT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.talkhost.api.config.Instances;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.Doctor;
import org.talkhost.api.environment.DoctorReport;
import org.talkhost.api.health.HealthMonitor;
import org.talkhost.api.health.HealthState;
import org.talkhost.api.health.HealthStatus;
import org.talkhost.api.health.HealthTransition;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationStats;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.ports.PortManager;
import org.talkhost.api.ports.PortStatus;
import org.talkhost.common.FileTail;
import org.talkhost.common.LaunchMode;

/** {@code alltalk:ports}, {@code health}, {@code doctor}, {@code log}, {@code metrics}. */
@Component(
        service = DiagnosticCommands.class,
        immediate = true,
        property = {
            "osgi.command.scope=alltalk",
            "osgi.command.function=ports",
            "osgi.command.function=health",
            "osgi.command.function=doctor",
            "osgi.command.function=log",
            "osgi.command.function=metrics"
        })
public final class DiagnosticCommands {
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PortManager ports;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HealthMonitor health;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Doctor doctor;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Metrics metrics;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OperationsLog operationsLog;

    /** A one-shot run ({@code ./talkhost --exec} with no TalkHost running): nothing has watched AllTalk. */
    private final boolean oneShot;

    /** Every instance's health monitor, port manager and doctor, for {@code --instance NAME}. */
    final InstanceServices instances;

    @Activate
    public DiagnosticCommands(@Reference InstanceServices instances, BundleContext context) {
        this(instances, LaunchMode.oneShot(context));
    }

    DiagnosticCommands(InstanceServices instances, boolean oneShot) {
        this.instances = instances;
        this.oneShot = oneShot;
    }

    DiagnosticCommands() {
        this(new InstanceServices(), false);
    }

    @Descriptor("Show each candidate port (7851, 7852, extras) and who holds it")
    public String ports(
            @Descriptor("the AllTalk instance (default: the default instance)")
                    @Parameter(names = StatusCommands.INSTANCE, absentValue = "")
                    String instance) {
        Table t = new Table("PORT", "HELD BY", "DETAILS");
        for (PortStatus p : instances.portManagers.of(instance, ports, "ports").survey()) {
            String holder = p.holder().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            t.row(p.port(), holder, p.explanation().equalsIgnoreCase(holder) ? "-" : p.explanation());
        }
        return t.toString();
    }

    @Descriptor("Show AllTalk's health now and the recent changes (when it went down, when it came back)")
    public String health(
            @Descriptor("the AllTalk instance (default: the default instance)")
                    @Parameter(names = StatusCommands.INSTANCE, absentValue = "")
                    String instance) {
        HealthMonitor monitor = instances.monitors.of(instance, health, "health");
        HealthStatus now = monitor.current();
        List<HealthTransition> history = monitor.history();
        StringBuilder b = new StringBuilder();
        if (oneShot && now.state() == HealthState.UNKNOWN) {
            // this short run started nothing and checks nothing: say so, not "the first check runs in a moment"
            b.append(TEXT.text("health.oneShot")).append('\n');
        } else {
            b.append(TEXT.text("health.now", now.state().words(), ShortUnits.clock(now.since()), now.explanation()))
                    .append('\n');
        }
        if (!history.isEmpty()) {
            Table t = new Table("TIME", "FROM", "TO", "WHY");
            for (HealthTransition h : history) {
                t.row(ShortUnits.clock(h.time()), h.from().words(), h.to().words(), h.reason());
            }
            b.append(t).append('\n');
        } else if (!oneShot) {
            b.append(TEXT.text("health.noChanges")).append('\n');
        }
        OperationsLog log = operationsLog;
        List<String> earlier = log == null
                ? List.of()
                : log.file()
                        // the health monitor's own lines, of this instance only (the others' begin with their name)
                        .map(f -> FileTail.last(f, " - " + Instances.prefix(instance.strip()) + "Health: ", 10))
                        .orElse(List.of());
        if (!earlier.isEmpty()) {
            b.append(TEXT.text("health.earlier")).append("\n  ").append(String.join("\n  ", earlier));
        }
        return b.toString().stripTrailing();
    }

    @Descriptor("Check the environment: AllTalk install, Python, packages, CUDA, audio, espeak-ng, disk, ports")
    public String doctor(
            @Descriptor("the AllTalk instance whose setup is checked (default: the default instance)")
                    @Parameter(names = StatusCommands.INSTANCE, absentValue = "")
                    String instance) {
        DoctorReport report =
                instances.doctors.of(instance, doctor, "environment").examine(true);
        Table t = new Table("CHECK", "RESULT", "WHAT WAS FOUND", "WHAT TO DO");
        for (CheckResult r : report.results()) {
            t.row(r.title(), r.status(), r.message(), r.fix().isBlank() ? "-" : r.fix());
        }
        String verdict = report.blocking() ? TEXT.text("doctor.blocking") : TEXT.text("doctor.clear");
        return t + "\n"
                + TEXT.text("doctor.summary", verdict, report.results().size(), ShortUnits.duration(report.took()));
    }

    @Descriptor("Show the last lines of the AllTalk operations log (alltalk_operations.log in the log folder)")
    public String log(
            @Descriptor("number of lines")
                    @Parameter(
                            names = {"-n", "--lines"},
                            absentValue = "20")
                    int lines)
            throws IOException {
        if (lines < 1 || lines > 10_000) {
            throw new IllegalArgumentException(TEXT.text("log.badCount", lines));
        }
        Path file = Needs.need(operationsLog, "logging").file().orElse(null);
        if (file == null) {
            return TEXT.text("log.none");
        }
        if (!Files.isRegularFile(file)) {
            return TEXT.text("log.missing", file);
        }
        return String.join("\n", FileTail.last(file, "", lines));
    }

    @Descriptor("Show counts and response times (p50, p95, p99) of each operation")
    public String metrics() {
        List<OperationStats> stats = Needs.need(metrics, "logging").snapshot();
        if (stats.isEmpty()) {
            return TEXT.text("metrics.none");
        }
        Table t = new Table("OPERATION", "CALLS", "FAILED", "P50", "P95", "P99", "MAX");
        for (OperationStats s : stats) {
            t.row(
                    s.operation(),
                    s.count(),
                    s.failures(),
                    ms(s.p50Millis()),
                    ms(s.p95Millis()),
                    ms(s.p99Millis()),
                    ms(s.maxMillis()));
        }
        return t.toString();
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f ms", v);
    }
}
