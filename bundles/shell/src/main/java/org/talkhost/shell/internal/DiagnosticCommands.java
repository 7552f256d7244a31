package org.talkhost.shell.internal;

import static org.talkhost.shell.internal.ShellCatalog.TEXT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talkhost.api.config.HostPaths;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.DoctorReport;
import org.talkhost.api.health.HealthStatus;
import org.talkhost.api.health.HealthTransition;
import org.talkhost.api.logging.OperationStats;
import org.talkhost.api.ports.PortStatus;

/** {@code alltalk:ports}, {@code health}, {@code doctor}, {@code log}, {@code metrics}. */
@Component(service = DiagnosticCommands.class, immediate = true, property = { "osgi.command.scope=alltalk",
        "osgi.command.function=ports", "osgi.command.function=health", "osgi.command.function=doctor",
        "osgi.command.function=log", "osgi.command.function=metrics" })
public final class DiagnosticCommands {
    private static final String OPERATIONS_LOG = "alltalk_operations.log";
    private final Services services;

    @Activate
    public DiagnosticCommands(@Reference Services services) {
        this.services = services;
    }

    @Descriptor("Show each candidate port (7851, 7852, extras) and who holds it")
    public String ports() {
        Table t = new Table("PORT", "HELD BY", "DETAILS");
        for (PortStatus p : services.ports().survey()) {
            String holder = p.holder().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            t.row(p.port(), holder, p.explanation().equalsIgnoreCase(holder) ? "-" : p.explanation());
        }
        return t.toString();
    }

    @Descriptor("Show AllTalk's health now and the recent changes (when it went down, when it came back)")
    public String health() {
        HealthStatus now = services.health().current();
        StringBuilder b = new StringBuilder("Health: ").append(now.state().words()).append(" since ")
                .append(ShortUnits.clock(now.since())).append(". ").append(now.explanation()).append('\n');
        List<HealthTransition> history = services.health().history();
        if (history.isEmpty()) {
            b.append("No changes recorded by this TalkHost yet.\n");
        } else {
            Table t = new Table("TIME", "FROM", "TO", "WHY");
            for (HealthTransition h : history) {
                t.row(ShortUnits.clock(h.time()), h.from().words(), h.to().words(), h.reason());
            }
            b.append(t).append('\n');
        }
        List<String> earlier = lastMatching(HostPaths.logs().resolve(OPERATIONS_LOG), " - Health: ", 10);
        if (!earlier.isEmpty()) {
            b.append("Recent changes in the operations log (also from earlier or other TalkHost runs):\n  ")
                    .append(String.join("\n  ", earlier));
        }
        return b.toString().stripTrailing();
    }

    /** The last {@code max} lines of {@code file} that contain {@code marker}, oldest first. */
    static List<String> lastMatching(Path file, String marker, int max) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Deque<String> tail = new ArrayDeque<>(max);
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            all.filter(l -> l.contains(marker)).forEach(l -> {
                if (tail.size() == max) {
                    tail.removeFirst();
                }
                tail.addLast(l);
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
        return List.copyOf(tail);
    }

    @Descriptor("Check the environment: AllTalk install, Python, packages, CUDA, audio, espeak-ng, disk, ports")
    public String doctor() {
        DoctorReport report = services.doctor().examine(true);
        Table t = new Table("CHECK", "RESULT", "WHAT WAS FOUND", "WHAT TO DO");
        for (CheckResult r : report.results()) {
            t.row(r.title(), r.status(), r.message(), r.fix().isBlank() ? "-" : r.fix());
        }
        String verdict = report.blocking()
                ? "A required part is missing: TalkHost cannot start AllTalk until it is fixed (see WHAT TO DO)."
                : "Nothing blocks a start.";
        return t + "\n" + verdict + " (" + report.results().size() + " checks in "
                + ShortUnits.duration(report.took()) + ")";
    }

    @Descriptor("Show the last lines of the AllTalk operations log (log/alltalk_operations.log)")
    public String log(@Descriptor("number of lines") @Parameter(names = { "-n", "--lines" },
            absentValue = "20") int lines) throws IOException {
        if (lines < 1 || lines > 10_000) {
            throw new IllegalArgumentException(TEXT.text("log.badCount", lines));
        }
        Path file = HostPaths.logs().resolve(OPERATIONS_LOG);
        if (!Files.isRegularFile(file)) {
            return TEXT.text("log.missing", file);
        }
        return String.join("\n", lastMatching(file, "", lines));
    }

    @Descriptor("Show counts and response times (p50, p95, p99) of each operation")
    public String metrics() {
        List<OperationStats> stats = services.metrics().snapshot();
        if (stats.isEmpty()) {
            return "No operations measured yet.";
        }
        Table t = new Table("OPERATION", "CALLS", "FAILED", "P50", "P95", "P99", "MAX");
        for (OperationStats s : stats) {
            t.row(s.operation(), s.count(), s.failures(), ms(s.p50Millis()), ms(s.p95Millis()), ms(s.p99Millis()),
                    ms(s.maxMillis()));
        }
        return t.toString();
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f ms", v);
    }
}
