package org.talkhost.connection.internal;

import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationsLog;

/**
 * Where the client reports: the operations log and the metrics of the logging bundle while they are
 * there (their NONE stand-ins while not), and SLF4J.
 */
final class Telemetry {
    private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);

    private final Supplier<OperationsLog> log;
    private final Supplier<Metrics> metrics;

    /** Each gives the bound service, or null while there is none. */
    Telemetry(Supplier<OperationsLog> log, Supplier<Metrics> metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    OperationsLog ops() {
        OperationsLog l = log.get();
        return l != null ? l : OperationsLog.NONE;
    }

    Metrics metrics() {
        Metrics m = metrics.get();
        return m != null ? m : Metrics.NONE;
    }

    /** Settings that were out of range, each a plain sentence. */
    void settingsReplaced(List<String> problems) {
        for (String p : problems) {
            LOG.warn(p);
            ops().warning(p);
        }
    }

    /** Logs each try that will be repeated: "attempt 3 of 6, waiting 4 s". */
    RetryingCalls.Listener retries(Supplier<ServerAddress> target) {
        return (what, attempt, attempts, wait, failure) -> {
            String secs = ClientSettings.seconds(wait);
            LOG.info(
                    "{} on {}: {} (attempt {} of {}, waiting {} s)",
                    what,
                    target.get(),
                    failure.detail(),
                    attempt,
                    attempts,
                    secs);
            ops().info(
                            "{}: AllTalk on {} did not accept the connection, attempt {} of {}, waiting {} s",
                            what,
                            target.get(),
                            attempt,
                            attempts,
                            secs);
        };
    }
}
