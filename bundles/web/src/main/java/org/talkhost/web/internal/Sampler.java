package org.talkhost.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.talkhost.api.health.HealthMonitor;
import org.talkhost.api.health.HealthStatus;
import org.talkhost.api.process.ResourceUsage;
import org.talkhost.api.process.Supervisor;
import org.talkhost.common.Threads;

/**
 * Every two seconds, what the page draws over the last ten minutes: health, AllTalk's memory and CPU.
 * Also counts what monitoring scrapes: restarts (the AllTalk process replaced while TalkHost runs) and
 * the latency of each new health check, in a histogram.
 */
@Component(service = Sampler.class, immediate = true)
public final class Sampler {
    static final int KEEP = 300;
    private static final long EVERY_MILLIS = 2000;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HealthMonitor health;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Supervisor supervisor;

    private final LatencyHistogram latency = new LatencyHistogram();
    private final Deque<Map<String, Object>> samples = new ArrayDeque<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Threads.named("talkhost-web-sampler"));
    private final Runnable unsubscribe;
    private volatile long restarts;
    private volatile long lastReadyPid;
    private Duration lastLatency;

    @Activate
    public Sampler(@Reference EventHub hub) {
        this.unsubscribe = hub.listen(this::heard);
        timer.scheduleWithFixedDelay(this::sample, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A READY phase with another process than the last ready one is a restart. */
    void heard(WebEvent e) {
        if (e.kind() != WebEvent.Kind.STATE || !"READY".equals(e.data().get("phase"))) {
            return;
        }
        Object pid = e.data().get("pid");
        long now = pid instanceof Number ? ((Number) pid).longValue() : 0;
        if (now > 0) {
            if (lastReadyPid > 0 && now != lastReadyPid) {
                restarts++;
            }
            lastReadyPid = now;
        }
    }

    void sample() {
        try {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("time", Instant.now().toString());
            HealthMonitor health = this.health;
            if (health != null) {
                HealthStatus h = health.current();
                s.put("health", h.state().name());
                if (h.lastLatency() != null) {
                    s.put("latencyMillis", h.lastLatency().toNanos() / 1e6);
                    synchronized (this) {
                        if (!h.lastLatency().equals(lastLatency)) {
                            latency.observe(h.lastLatency());
                            lastLatency = h.lastLatency();
                        }
                    }
                }
            }
            Supervisor supervisor = this.supervisor;
            if (supervisor != null) {
                s.put("phase", supervisor.state().phase().name());
                supervisor.resources().ifPresent(r -> resources(s, r));
            }
            synchronized (samples) {
                samples.addLast(s);
                while (samples.size() > KEEP) {
                    samples.removeFirst();
                }
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Sampler.class).debug("A sample failed", e);
        }
    }

    private static void resources(Map<String, Object> s, ResourceUsage r) {
        s.put("residentBytes", r.residentBytes());
        s.put("cpuPercent", Math.round(r.cpuPercent() * 10) / 10.0);
    }

    /** The samples, oldest first. */
    List<Map<String, Object>> samples() {
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }

    long restarts() {
        return restarts;
    }

    LatencyHistogram latency() {
        return latency;
    }

    @Deactivate
    void stop() {
        unsubscribe.run();
        timer.shutdownNow();
    }
}
