package org.talkhost.process.internal;

import static org.talkhost.process.internal.ProcessCatalog.TEXT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.process.ResourceUsage;

/**
 * Samples the AllTalk process tree every {@code resourceSampleSeconds}, keeps the latest sample, and
 * warns (once per crossing) when it goes over the memory or processor limit; optionally asks for a restart.
 */
final class ResourceWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceWatch.class);

    private final StateAnnouncer state;
    private final Supplier<ProcessSettings> tuning;
    private final Supplier<OperationsLog> log;
    private final ResourceSampler sampler;
    private final BiConsumer<String, Boolean> recover;
    private volatile ResourceUsage latest;
    private volatile Instant lastSample = Instant.EPOCH;
    private boolean overMemory;
    private boolean overCpu;

    /** {@code recover} is called with a reason and {@code true} (skip the answer check) on a limit restart. */
    ResourceWatch(
            StateAnnouncer state,
            Supplier<ProcessSettings> tuning,
            Supplier<OperationsLog> log,
            ResourceSampler sampler,
            BiConsumer<String, Boolean> recover) {
        this.state = state;
        this.tuning = tuning;
        this.log = log;
        this.sampler = sampler;
        this.recover = recover;
    }

    /** Called every second; samples when the configured interval has passed. */
    void tick() {
        ProcessSettings t = tuning.get();
        if (Duration.between(lastSample, Instant.now()).toSeconds() < Math.max(1, t.resourceSampleSeconds())) {
            return;
        }
        lastSample = Instant.now();
        Supervised sv = state.server();
        if (sv == null || !sv.alive()) {
            return;
        }
        try {
            sampleNow(sv).ifPresent(u -> check(u, sv, t));
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Resource sample failed", e);
        }
    }

    /** The latest sample of the current server, sampling now when there is none yet. */
    Optional<ResourceUsage> latest() {
        Supervised sv = state.server();
        if (sv == null || sv.child() == null) {
            return Optional.empty();
        }
        ResourceUsage u = latest;
        if (u != null && u.pid() == sv.pid()) {
            return Optional.of(u);
        }
        try {
            return sv.alive() ? sampleNow(sv) : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private Optional<ResourceUsage> sampleNow(Supervised sv) {
        Optional<ResourceUsage> u = sampler.sample(sv.pid());
        u.ifPresent(x -> latest = x);
        return u;
    }

    private synchronized void check(ResourceUsage u, Supervised sv, ProcessSettings t) {
        boolean restart = t.restartOnLimit() && sv.startedByUs();
        String next = TEXT.text(restart ? "limit.restart" : "limit.watch");
        boolean memory = t.memoryLimitMb() > 0 && u.residentBytes() > t.memoryLimitMb() * 1024L * 1024L;
        boolean cpu = t.cpuLimitPercent() > 0 && u.cpuPercent() > t.cpuLimitPercent();
        if (memory && !overMemory) {
            state.say(
                    TEXT.warning("limit.memory", PlainAmounts.bytes(u.residentBytes()), t.memoryLimitMb(), next),
                    List.of());
            log.get()
                    .warning(
                            "AllTalk uses {} bytes of memory, over the limit of {} MB",
                            u.residentBytes(),
                            t.memoryLimitMb());
        }
        if (cpu && !overCpu) {
            state.say(TEXT.warning("limit.cpu", Math.round(u.cpuPercent()), t.cpuLimitPercent(), next), List.of());
            log.get()
                    .warning(
                            "AllTalk uses {}% CPU, over the limit of {}%",
                            Math.round(u.cpuPercent()), t.cpuLimitPercent());
        }
        boolean crossed = (memory && !overMemory) || (cpu && !overCpu);
        overMemory = memory;
        overCpu = cpu;
        if (crossed && restart) {
            recover.accept(memory ? "over the memory limit" : "over the processor limit", Boolean.TRUE);
        }
    }
}
