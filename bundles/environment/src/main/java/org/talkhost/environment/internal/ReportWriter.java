package org.talkhost.environment.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.DoctorReport;
import org.talkhost.api.logging.OperationsLog;

/**
 * A doctor report in the operations log (one line per check and a summary) and in the host log
 * (warnings, failures, summary).
 */
final class ReportWriter {
    private static final Logger LOG = LoggerFactory.getLogger(DoctorImpl.class);

    private ReportWriter() {}

    static void write(DoctorReport report, OperationsLog ops) {
        int ok = 0;
        int warn = 0;
        int fail = 0;
        int skipped = 0;
        List<String> blockers = new ArrayList<>();
        for (CheckResult r : report.results()) {
            String line =
                    r.title() + " " + r.status() + ": " + r.message() + (r.fix().isBlank() ? "" : " Fix: " + r.fix());
            switch (r.status()) {
                case OK:
                    ok++;
                    ops.info("Doctor: {}", line);
                    break;
                case SKIPPED:
                    skipped++;
                    ops.debug("Doctor: {}", line);
                    break;
                case WARN:
                    warn++;
                    ops.warning("Doctor: {}", line);
                    LOG.warn("Environment: {}", line);
                    break;
                default:
                    fail++;
                    ops.error("Doctor: {}", line);
                    LOG.warn("Environment: {}", line);
                    if (r.blocks()) {
                        blockers.add(r.title());
                    }
            }
        }
        String verdict = blockers.isEmpty()
                ? "nothing blocks a managed start"
                : "a managed start is blocked by: " + String.join(", ", blockers);
        String counts = ok + " OK, " + warn + (warn == 1 ? " warning, " : " warnings, ") + fail + " failed, " + skipped
                + " skipped";
        ops.info(
                "Doctor: {} checks in {} ms: {}; {}",
                report.results().size(),
                report.took().toMillis(),
                counts,
                verdict);
        LOG.info("Environment checked in {} ms: {}; {}", report.took().toMillis(), counts, verdict);
    }
}
