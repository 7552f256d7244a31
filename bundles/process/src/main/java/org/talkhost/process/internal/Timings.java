package org.talkhost.process.internal;

import java.time.Duration;
import java.util.function.Supplier;

import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.config.AllTalkSettings;

/** The configured bounds of a start and a stop, read afresh each time: restart limits, grace, timeouts. */
final class Timings {
    private final Supplier<ProcessSettings> tuning;
    private final Supplier<AllTalkSettings> settings;
    private final RestartPolicy policy;

    Timings(Supplier<ProcessSettings> tuning, Supplier<AllTalkSettings> settings, RestartPolicy policy) {
        this.tuning = tuning;
        this.settings = settings;
        this.policy = policy;
    }

    /** The process settings now configured. */
    ProcessSettings tuning() {
        return tuning.get();
    }

    /** The restart policy with the limits now configured. */
    RestartPolicy policy() {
        ProcessSettings t = tuning.get();
        return policy.limits(
                t.maxStarts(),
                Duration.ofSeconds(t.startWindowSeconds()),
                Duration.ofSeconds(t.backoffMaxSeconds()),
                Duration.ofSeconds(t.healthyResetSeconds()));
    }

    /** How long a stopping AllTalk may take before it is forced. */
    Duration grace() {
        return Duration.ofSeconds(Math.max(0, tuning.get().stopGraceSeconds()));
    }

    Duration readyTimeout() {
        return Duration.ofSeconds(Math.max(1, settings.get().readyTimeoutSeconds()));
    }

    Duration lockWait() {
        return Duration.ofSeconds(Math.max(0, tuning.get().lockWaitSeconds()));
    }

    /** A waiter for Ready through {@code client}, polling and reporting as now configured. */
    ReadyWaiter waiter(AllTalkClient client) {
        ProcessSettings t = tuning.get();
        return new ReadyWaiter(
                client,
                Duration.ofMillis(Math.max(20, t.pollMillis())),
                Duration.ofSeconds(Math.max(1, t.progressSeconds())),
                Duration.ofSeconds(Math.max(0, t.downloadExtraSeconds())),
                ProcessCatalog.TEXT);
    }
}
