package org.talkhost.health.internal;

import java.time.Duration;

/** The health settings as checked values (a {@link HealthConfig} with out-of-range values brought in range). */
record HealthSettings(
        Duration interval,
        Duration timeout,
        int failuresBeforeDown,
        Duration slow,
        Duration deepCheckEvery,
        int historySize,
        Duration maxBackoff,
        long memoryLimitBytes,
        long gpuMemoryLimitBytes) {

    private static final long MB = 1024L * 1024L;

    HealthSettings {
        interval = clamp(interval, Duration.ofSeconds(1), Duration.ofHours(1));
        timeout = clamp(timeout, Duration.ofMillis(100), Duration.ofSeconds(30));
        failuresBeforeDown = Math.max(1, Math.min(100, failuresBeforeDown));
        slow = clamp(slow, Duration.ofMillis(1), Duration.ofMinutes(1));
        deepCheckEvery = deepCheckEvery.isNegative() ? Duration.ZERO : deepCheckEvery;
        historySize = Math.max(1, Math.min(10_000, historySize));
        maxBackoff = maxBackoff.compareTo(interval) < 0 ? interval : maxBackoff;
        memoryLimitBytes = Math.max(0, memoryLimitBytes);
        gpuMemoryLimitBytes = Math.max(0, gpuMemoryLimitBytes);
    }

    static HealthSettings from(HealthConfig c) {
        return new HealthSettings(
                Duration.ofSeconds(c.intervalSeconds()),
                Duration.ofMillis(Math.round(c.timeoutSeconds() * 1000)),
                c.failuresBeforeDown(),
                Duration.ofMillis(c.slowMillis()),
                Duration.ofMinutes(c.deepCheckMinutes()),
                c.historySize(),
                Duration.ofSeconds(c.maxBackoffSeconds()),
                c.memoryLimitMegabytes() * MB,
                c.gpuMemoryLimitMegabytes() * MB);
    }

    /** The defaults of {@link HealthConfig}. */
    static HealthSettings defaults() {
        return new HealthSettings(
                Duration.ofSeconds(5),
                Duration.ofMillis(1500),
                3,
                Duration.ofMillis(1000),
                Duration.ZERO,
                100,
                Duration.ofSeconds(30),
                0,
                0);
    }

    HealthSettings withFailuresBeforeDown(int n) {
        return new HealthSettings(
                interval,
                timeout,
                n,
                slow,
                deepCheckEvery,
                historySize,
                maxBackoff,
                memoryLimitBytes,
                gpuMemoryLimitBytes);
    }

    HealthSettings withHistorySize(int n) {
        return new HealthSettings(
                interval,
                timeout,
                failuresBeforeDown,
                slow,
                deepCheckEvery,
                n,
                maxBackoff,
                memoryLimitBytes,
                gpuMemoryLimitBytes);
    }

    HealthSettings withLimits(long memoryBytes, long gpuBytes) {
        return new HealthSettings(
                interval,
                timeout,
                failuresBeforeDown,
                slow,
                deepCheckEvery,
                historySize,
                maxBackoff,
                memoryBytes,
                gpuBytes);
    }

    HealthSettings withDeepCheckEvery(Duration every) {
        return new HealthSettings(
                interval,
                timeout,
                failuresBeforeDown,
                slow,
                every,
                historySize,
                maxBackoff,
                memoryLimitBytes,
                gpuMemoryLimitBytes);
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }
}
