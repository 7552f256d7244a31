package org.talkhost.web.internal;

import java.time.Duration;

/** Health-check latencies in Prometheus buckets (seconds): cumulative counts, a sum and a count. */
final class LatencyHistogram {
    static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final long[] counts = new long[BOUNDS.length];
    private long count;
    private double sum;

    synchronized void observe(Duration took) {
        double seconds = took.toNanos() / 1e9;
        for (int i = 0; i < BOUNDS.length; i++) {
            if (seconds <= BOUNDS[i]) {
                counts[i]++;
            }
        }
        count++;
        sum += seconds;
    }

    /** Lines of one histogram in the Prometheus text format. */
    synchronized String render(String name, String help) {
        StringBuilder b = new StringBuilder();
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(" histogram\n");
        for (int i = 0; i < BOUNDS.length; i++) {
            b.append(name)
                    .append("_bucket{le=\"")
                    .append(BOUNDS[i])
                    .append("\"} ")
                    .append(counts[i])
                    .append('\n');
        }
        b.append(name).append("_bucket{le=\"+Inf\"} ").append(count).append('\n');
        b.append(name).append("_sum ").append(sum).append('\n');
        b.append(name).append("_count ").append(count).append('\n');
        return b.toString();
    }
}
