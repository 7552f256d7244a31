package org.talkhost.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talkhost.api.logging.OperationStats;

class MetricsImplTest {
    final MetricsImpl metrics = new MetricsImpl(Configs.of(LoggingConfig.class, Map.of("summaryIntervalMinutes", 0)));

    @AfterEach
    void stop() {
        metrics.stop();
    }

    @Test
    void percentilesOfKnownData() {
        List<Integer> millis = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            millis.add(i);
        }
        Collections.shuffle(millis);
        millis.forEach(ms -> metrics.record("client.ready", Duration.ofMillis(ms), ms % 10 != 0));

        OperationStats s = metrics.snapshot().get(0);
        assertThat(s.operation()).isEqualTo("client.ready");
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.failures()).isEqualTo(10);
        assertThat(s.p50Millis()).isEqualTo(50.0);
        assertThat(s.p95Millis()).isEqualTo(95.0);
        assertThat(s.p99Millis()).isEqualTo(99.0);
        assertThat(s.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void percentilesCoverTheLast1024CallsWhileCountsAndMaxCoverAll() {
        metrics.record("op", Duration.ofSeconds(10), true);
        for (int i = 0; i < 5000; i++) {
            metrics.record("op", Duration.ofMillis(2), true);
        }
        OperationStats s = metrics.snapshot().get(0);
        assertThat(s.count()).isEqualTo(5001);
        assertThat(s.p99Millis()).isEqualTo(2.0);
        assertThat(s.maxMillis()).isEqualTo(10_000.0);
    }

    @Test
    void memoryIsBoundedByTheNumberOfOperations() {
        for (int i = 0; i < MetricsImpl.MAX_OPERATIONS + 50; i++) {
            metrics.record("op" + i, Duration.ofMillis(1), true);
        }
        List<OperationStats> all = metrics.snapshot();
        assertThat(all).hasSizeLessThanOrEqualTo(MetricsImpl.MAX_OPERATIONS + 1);
        assertThat(all)
                .filteredOn(s -> s.operation().equals(MetricsImpl.OTHER))
                .singleElement()
                .extracting(OperationStats::count)
                .isEqualTo(50L);
    }

    @Test
    void countsAreExactUnderConcurrency() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 10_000; i++) {
                    metrics.record("busy", Duration.ofNanos(1500 + i % 100), i % 2 == 0);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        OperationStats s = metrics.snapshot().get(0);
        assertThat(s.count()).isEqualTo(80_000);
        assertThat(s.failures()).isEqualTo(40_000);
        assertThat(s.p50Millis()).isCloseTo(0.0015, within(0.0001));
    }

    @Test
    void theSummaryIsOneLineInTheLogAndOnlyWhenSomethingHappened() {
        RecordingLog log = new RecordingLog();
        metrics.log = log;
        metrics.record("client.ready", Duration.ofMillis(1), true);
        metrics.record("client.ready", Duration.ofMillis(4), false);
        metrics.record("detection.detect", Duration.ofMillis(18), true);

        metrics.writeSummary();
        metrics.writeSummary();
        metrics.record("detection.detect", Duration.ofMillis(20), true);
        metrics.writeSummary();

        assertThat(log.lines)
                .containsExactly(
                        "INFO Metrics: client.ready 2 calls (1 failed) p50 1.0 ms p95 4.0 ms p99 4.0 ms max 4.0 ms; "
                                + "detection.detect 1 call p50 18.0 ms p95 18.0 ms p99 18.0 ms max 18.0 ms",
                        "INFO Metrics: detection.detect 2 calls p50 18.0 ms p95 20.0 ms p99 20.0 ms max 20.0 ms");
    }
}
