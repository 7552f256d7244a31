package org.talkhost.connection.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.client.AllTalkException;
import org.talkhost.api.client.BusyException;
import org.talkhost.api.client.RejectedInputException;
import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.client.ServerSettings;
import org.talkhost.api.client.UnavailableException;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.logging.OperationsLog;

/**
 * What the client knows about the server it talks to: its kind (found once per target, forgotten
 * when the target changes or the connection fails) and whether it answers. Writes the operations
 * log lines for connects, lost connections and recoveries, once per change rather than once per call.
 */
final class ConnectionWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWatch.class);

    private record Known(ServerAddress at, ServerSettings settings) {}

    private record Lost(ServerAddress at, long sinceNanos) {}

    private final Supplier<OperationsLog> ops;
    private final AtomicReference<Known> known = new AtomicReference<>();
    private final AtomicReference<Lost> lost = new AtomicReference<>();

    ConnectionWatch(Supplier<OperationsLog> ops) {
        this.ops = ops;
    }

    /** The kind found for {@code at}, or null when it must be found (again). */
    ServerSettings known(ServerAddress at) {
        Known k = known.get();
        return k != null && k.at().equals(at) ? k.settings() : null;
    }

    void found(ServerAddress at, ServerSettings s) {
        Known before = known.getAndSet(new Known(at, s));
        if (before == null
                || !before.at().equals(at)
                || before.settings().kind() != s.kind()
                || !before.settings().engine().equals(s.engine())) {
            LOG.info("Connected to {} on {} (engine {})", s.kind().words(), at, s.engine());
            ops.get().info("Connected to {} on {} (engine {})", s.kind().words(), at, s.engine());
        }
    }

    void forget() {
        known.set(null);
    }

    void answered(ServerAddress at) {
        Lost l = lost.get();
        if (l != null && lost.compareAndSet(l, null) && l.at().equals(at)) {
            String after = ClientSettings.seconds(Duration.ofNanos(System.nanoTime() - l.sinceNanos()));
            LOG.info("AllTalk on {} answers again after {} s", at, after);
            ops.get().info("AllTalk on {} answers again after {} s", at, after);
        }
    }

    /**
     * Logs a failed call: a lost connection once, until AllTalk answers again; a timeout of a quiet
     * call (the ready check, which stalls while AllTalk generates) only at debug level.
     */
    void failed(ServerAddress at, String op, AllTalkException e, boolean quiet) {
        if (e instanceof UnavailableException) {
            forget();
            if (lost.compareAndSet(null, new Lost(at, System.nanoTime()))) {
                LOG.warn("No connection to AllTalk on {} ({}): {}", at, e.detail(), e.getMessage());
                ops.get().warning("No connection to AllTalk on {}: {}", at, e.detail());
            }
            return;
        }
        if (e instanceof BusyException && quiet) {
            LOG.debug("{} on {}: {}", op, at, e.detail());
            return;
        }
        if (e instanceof ServerFailureException) {
            answered(at);
        }
        if (e instanceof RejectedInputException) {
            LOG.info("{} on {} refused: {} ({})", op, at, e.getMessage(), e.detail());
            ops.get().info("{} on {} refused: {}", op, at, e.detail());
            return;
        }
        LOG.warn("{} on {} failed ({}): {}", op, at, e.detail(), e.getMessage());
        ops.get().warning("{} on {} failed: {}", op, at, e.detail());
    }
}
