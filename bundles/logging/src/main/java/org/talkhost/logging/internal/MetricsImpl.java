package org.talkhost.logging.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationStats;
import org.talkhost.api.logging.OperationsLog;

/**
 * Counts and response-time percentiles per operation (percentiles over each operation's last 1024 calls),
 * and a periodic one-line summary in the operations log. Bounded: at most {@value #MAX_OPERATIONS}
 * operation names; later new names are counted under {@value #OTHER}.
 */
@Component(service = Metrics.class, immediate = true, configurationPid = LoggingConfig.PID)
public final class MetricsImpl implements Metrics {
    static final int MAX_OPERATIONS = 256;
    static final String OTHER = "other";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsImpl.class);

    private final Map<String, OperationWindow> operations = new ConcurrentHashMap<>();
    private final Map<String, Long> countsAtLastSummary = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "talkhost-metrics-summary");
        t.setDaemon(true);
        return t;
    });

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OperationsLog log;

    private ScheduledFuture<?> summary;

    @Activate
    public MetricsImpl(LoggingConfig config) {
        configure(config);
    }

    @Modified
    synchronized void configure(LoggingConfig config) {
        if (summary != null) {
            summary.cancel(false);
            summary = null;
        }
        int minutes = config.summaryIntervalMinutes();
        if (minutes > 0) {
            summary = timer.scheduleAtFixedRate(this::writeSummary, minutes, minutes, TimeUnit.MINUTES);
        }
    }

    @Override
    public void record(String operation, Duration took, boolean ok) {
        String name = operation == null || operation.isBlank() ? "unnamed" : operation.trim();
        OperationWindow w = operations.get(name);
        if (w == null) {
            if (operations.size() >= MAX_OPERATIONS) {
                name = OTHER;
            }
            w = operations.computeIfAbsent(name, n -> new OperationWindow());
        }
        w.add(took == null ? 0 : took.toNanos(), ok);
    }

    @Override
    public List<OperationStats> snapshot() {
        List<OperationStats> all = new ArrayList<>();
        operations.forEach((name, w) -> all.add(w.stats(name)));
        all.sort(Comparator.comparing(OperationStats::operation));
        return all;
    }

    /** Writes the summary line of the operations that were called since the last one; nothing when idle. */
    synchronized void writeSummary() {
        try {
            List<OperationStats> changed = new ArrayList<>();
            for (OperationStats s : snapshot()) {
                Long before = countsAtLastSummary.put(s.operation(), s.count());
                if (before == null || before != s.count()) {
                    changed.add(s);
                }
            }
            if (!changed.isEmpty()) {
                OperationsLog l = log;
                (l == null ? OperationsLog.NONE : l).info(summaryLine(changed));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not write the metrics summary", e);
        }
    }

    /** "Metrics: client.ready 120 calls p50 1.2 ms p95 3.0 ms p99 4.0 ms max 9.1 ms; ..." (counts since start). */
    static String summaryLine(List<OperationStats> stats) {
        StringBuilder b = new StringBuilder("Metrics:");
        String sep = " ";
        for (OperationStats s : stats) {
            b.append(sep)
                    .append(s.operation())
                    .append(' ')
                    .append(s.count())
                    .append(s.count() == 1 ? " call" : " calls");
            if (s.failures() > 0) {
                b.append(" (").append(s.failures()).append(" failed)");
            }
            b.append(String.format(
                    Locale.ROOT,
                    " p50 %.1f ms p95 %.1f ms p99 %.1f ms max %.1f ms",
                    s.p50Millis(),
                    s.p95Millis(),
                    s.p99Millis(),
                    s.maxMillis()));
            sep = "; ";
        }
        return b.toString();
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }
}
