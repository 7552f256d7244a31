package org.talkhost.logging.internal;

import java.util.Arrays;

import org.talkhost.api.logging.OperationStats;

/**
 * Counts of one operation since start, and its last {@value #SAMPLES} response times in a ring, from
 * which the percentiles are taken (nearest rank). Fixed memory: about 8 KB per operation.
 */
final class OperationWindow {
    static final int SAMPLES = 1024;

    private final long[] ring = new long[SAMPLES];
    private int next;
    private int filled;
    private long count;
    private long failures;
    private long maxNanos;

    synchronized void add(long nanos, boolean ok) {
        long n = Math.max(0, nanos);
        ring[next] = n;
        next = (next + 1) % SAMPLES;
        filled = Math.min(SAMPLES, filled + 1);
        count++;
        if (!ok) {
            failures++;
        }
        maxNanos = Math.max(maxNanos, n);
    }

    synchronized long count() {
        return count;
    }

    OperationStats stats(String operation) {
        long[] sorted;
        long c;
        long f;
        long max;
        synchronized (this) {
            sorted = Arrays.copyOf(ring, filled);
            c = count;
            f = failures;
            max = maxNanos;
        }
        Arrays.sort(sorted);
        return new OperationStats(
                operation,
                c,
                f,
                millis(percentile(sorted, 50)),
                millis(percentile(sorted, 95)),
                millis(percentile(sorted, 99)),
                millis(max));
    }

    /** Nearest rank: the smallest sample with at least p percent of the samples at or below it. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
