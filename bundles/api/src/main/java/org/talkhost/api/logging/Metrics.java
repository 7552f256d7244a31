package org.talkhost.api.logging;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Counts and response-time percentiles per operation. */
@ProviderType
public interface Metrics {

    void record(String operation, Duration took, boolean ok);

    /** Every operation seen, by name. */
    List<OperationStats> snapshot();

    /** A metrics sink that keeps nothing, for when the logging bundle is away. */
    Metrics NONE = new Metrics() {
        @Override
        public void record(String operation, Duration took, boolean ok) {}

        @Override
        public List<OperationStats> snapshot() {
            return List.of();
        }
    };
}
