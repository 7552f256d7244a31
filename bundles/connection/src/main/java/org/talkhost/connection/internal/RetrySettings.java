package org.talkhost.connection.internal;

import java.time.Duration;

/**
 * How calls that could not connect are tried again: waits of {@code base}, doubling up to {@code max},
 * each varied by {@code jitter} (a fraction), {@code attempts} tries in all.
 */
record RetrySettings(Duration base, Duration max, double jitter, int attempts) {

    static final RetrySettings DEFAULT = new RetrySettings(Duration.ofSeconds(1), Duration.ofSeconds(8), 0.1, 6);

    /** No waiting variation: what tests use to check the exact waits. */
    RetrySettings withoutJitter() {
        return new RetrySettings(base, max, 0, attempts);
    }
}
