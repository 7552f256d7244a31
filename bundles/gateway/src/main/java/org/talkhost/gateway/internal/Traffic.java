package org.talkhost.gateway.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationsLog;

/**
 * The gateway's counts (served, held, refused), its metrics per endpoint, and the operations-log line
 * for every request that waited more than a second. Outlives the servlet, so the counts survive a
 * configuration change; the logging bundle may come and go.
 */
@Component(service = Traffic.class)
public final class Traffic {
    static final Duration WORTH_A_LINE = Duration.ofSeconds(1);
    /** "gateway./api/ready" for "/api/ready": a few names (EndpointNames), made once, not on every request. */
    private static final java.util.Map<String, String> METRIC_NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Metrics metrics;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OperationsLog operations;

    private final AtomicLong served = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    private volatile java.util.function.IntSupplier waiting = () -> 0;

    /** Who counts the requests waiting now (the servlet's gate), or null when none. */
    void waitingFrom(java.util.function.IntSupplier counter) {
        waiting = counter == null ? () -> 0 : counter;
    }

    int waiting() {
        return waiting.getAsInt();
    }

    long served() {
        return served.get();
    }

    long held() {
        return held.get();
    }

    long refused() {
        return refused.get();
    }

    void held(Call call) {
        held.incrementAndGet();
    }

    /** One request answered with {@code status}; {@code refusedByUs}: a 503 of the gateway's own. */
    void answered(Call call, int status, boolean refusedByUs) {
        served.incrementAndGet();
        if (refusedByUs) {
            refused.incrementAndGet();
        }
        long now = System.nanoTime();
        Metrics m = metrics;
        if (m != null) {
            m.record(
                    METRIC_NAMES.computeIfAbsent(call.endpoint, e -> "gateway." + e),
                    Duration.ofNanos(now - call.startNanos),
                    status < 500);
        }
        long since = call.heldSinceNanos;
        if (since != 0) {
            Duration waited = Duration.ofNanos(now - since);
            OperationsLog log = operations;
            if (waited.compareTo(WORTH_A_LINE) > 0 && log != null) {
                log.log(
                        refusedByUs ? OperationsLog.Level.WARNING : OperationsLog.Level.INFO,
                        "Gateway held {} {} for {} s ({}); {}",
                        call.method,
                        call.endpoint,
                        String.format(java.util.Locale.ROOT, "%.1f", waited.toMillis() / 1000.0),
                        call.heldBecause,
                        refusedByUs ? "refused with 503" : "then answered " + status);
            }
        }
    }
}
