package org.talkhost.process.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When to restart AllTalk after a crash or a hang: waits 1, 2, 4, 8 ... seconds (capped), allows at
 * most {@code maxStarts} automatic starts within {@code window}, and forgets the count once AllTalk
 * has been ready for {@code healthyStretch}.
 */
final class RestartPolicy {

    /**
     * The answer for one restart.
     *
     * @param allowed whether to restart at all
     * @param delay   how long to wait first
     * @param attempt which automatic start this is within the window (1-based)
     * @param limit   the most allowed within the window
     * @param window  the window
     */
    record Decision(boolean allowed, Duration delay, int attempt, int limit, Duration window) {}

    private final Clock clock;
    private int maxStarts;
    private Duration window;
    private Duration cap;
    private Duration healthyStretch;
    private final Deque<Instant> starts = new ArrayDeque<>();
    private int consecutive;
    private Instant readySince;

    RestartPolicy(Clock clock, int maxStarts, Duration window, Duration cap, Duration healthyStretch) {
        this.clock = clock;
        limits(maxStarts, window, cap, healthyStretch);
    }

    /** New limits (from a configuration change); the history is kept. */
    synchronized RestartPolicy limits(int maxStarts, Duration window, Duration cap, Duration healthyStretch) {
        this.maxStarts = Math.max(1, maxStarts);
        this.window = window;
        this.cap = cap.isNegative() || cap.isZero() ? Duration.ofSeconds(1) : cap;
        this.healthyStretch = healthyStretch;
        return this;
    }

    /** AllTalk became ready now. */
    synchronized void ready() {
        readySince = clock.instant();
    }

    /** A restart is wanted now: records it when allowed. */
    synchronized Decision next() {
        Instant now = clock.instant();
        if (readySince != null
                && !Duration.between(readySince, now).minus(healthyStretch).isNegative()) {
            starts.clear();
            consecutive = 0;
        }
        readySince = null;
        while (!starts.isEmpty()
                && !Duration.between(starts.peekFirst(), now).minus(window).isNegative()) {
            starts.removeFirst();
        }
        if (starts.size() >= maxStarts) {
            return new Decision(false, Duration.ZERO, starts.size(), maxStarts, window);
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(consecutive, 20));
        if (delay.compareTo(cap) > 0) {
            delay = cap;
        }
        consecutive++;
        starts.addLast(now);
        return new Decision(true, delay, starts.size(), maxStarts, window);
    }

    /** The user started or restarted AllTalk: begin afresh. */
    synchronized void reset() {
        starts.clear();
        consecutive = 0;
        readySince = null;
    }
}
