package org.talkhost.api.logging;

/**
 * Counts and response times of one operation.
 *
 * @param operation name ("client.ready", "detection.detect")
 * @param count     calls
 * @param failures  failed calls
 * @param p50Millis median time
 * @param p95Millis 95th percentile
 * @param p99Millis 99th percentile
 * @param maxMillis slowest
 */
public record OperationStats(
        String operation,
        long count,
        long failures,
        double p50Millis,
        double p95Millis,
        double p99Millis,
        double maxMillis) {}
