package org.talkhost.process.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.Mode;
import org.talkhost.api.detection.Detection;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.logging.OperationsLog;

/**
 * TalkHost's own start lost its port to another server (it answers Ready there, or ours could not bind it):
 * stop our child without calling it a crash, forget it, and find what holds the port. An AllTalk there is
 * adopted; a foreign program sends the start to the next port.
 */
final class PortLost {
    private static final Duration LOOK_FOR = Duration.ofSeconds(8);
    private static final Duration EVERY = Duration.ofMillis(300);

    private final StateAnnouncer state;
    private final OwnServer own;
    private final Supplier<OperationsLog> log;
    private final StartSequence sequence;
    private final Adopter adopter;

    PortLost(
            StateAnnouncer state, OwnServer own, Supplier<OperationsLog> log, StartSequence sequence, Adopter adopter) {
        this.state = state;
        this.own = own;
        this.log = log;
        this.sequence = sequence;
        this.adopter = adopter;
    }

    /** The AllTalk to adopt; empty when a foreign program holds the port (or nothing showed up in time). */
    Optional<Adopter.Adoption> takeOver(Attempt a, Supervised lost, Mode mode, AllTalkSettings s) {
        ChildProcess child = lost.child();
        child.unwatch();
        if (child.alive()) {
            ProcessTreeStopper.Result r = own.stop(child.handle());
            log.get()
                    .info(
                            "Stopped our own {} (pid {}): another server has its port ({} processes, {} forced)",
                            lost.words(),
                            lost.pid(),
                            r.processes(),
                            r.forced());
        }
        own.pidFile().delete();
        if (state.server() == lost) {
            state.server(null);
        }
        return find(a, mode, s, lost.address().port());
    }

    /** Looks until an AllTalk shows (adopted), a foreign program holds {@code port}, or the time is up. */
    Optional<Adopter.Adoption> find(Attempt a, Mode mode, AllTalkSettings s, int port) {
        long deadline = System.nanoTime() + LOOK_FOR.toNanos();
        while (!a.cancelled() && !Thread.currentThread().isInterrupted()) {
            Detection d = sequence.detect(a, false);
            Optional<Adopter.Adoption> found = adopter.adopt(d, mode, s);
            if (found.isPresent() || foreignOn(d, port) || System.nanoTime() >= deadline) {
                return found;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(EVERY.toMillis()));
        }
        return Optional.empty();
    }

    private static boolean foreignOn(Detection d, int port) {
        return d.endpoints().stream().anyMatch(e -> e.port() == port && e.kind() == ServerKind.FOREIGN);
    }
}
