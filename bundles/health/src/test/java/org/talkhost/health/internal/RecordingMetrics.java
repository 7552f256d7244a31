package org.talkhost.health.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationStats;

final class RecordingMetrics implements Metrics {
    final List<String> records = new CopyOnWriteArrayList<>();

    @Override
    public void record(String operation, Duration took, boolean ok) {
        records.add(operation + (ok ? " ok " : " failed ") + took.toMillis() + " ms");
    }

    @Override
    public List<OperationStats> snapshot() {
        return List.of();
    }
}
