package org.talkhost.api.environment;

import java.time.Duration;
import java.util.List;

/** Every check's result. */
public record DoctorReport(List<CheckResult> results, Duration took) {

    public DoctorReport {
        results = List.copyOf(results);
    }

    /** True when a blocking check failed: a managed start cannot work. */
    public boolean blocking() {
        return results.stream().anyMatch(CheckResult::blocks);
    }
}
