package org.talkhost.process.internal;

import static org.talkhost.process.internal.ProcessCatalog.TEXT;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.Mode;
import org.talkhost.api.detection.Detection;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.process.Phase;

/**
 * Another TalkHost holds the instance lock (it is starting or owns an AllTalk): wait for its AllTalk to
 * show up and adopt it, or take the lock when the other one lets go. Never starts a second AllTalk.
 */
final class OtherTalkHost {
    private static final Duration EVERY = Duration.ofMillis(500);

    private final StateAnnouncer state;
    private final OwnServer own;
    private final Timings timings;
    private final Supplier<OperationsLog> log;
    private final StartSequence sequence;
    private final Adopter adopter;

    OtherTalkHost(
            StateAnnouncer state,
            OwnServer own,
            Timings timings,
            Supplier<OperationsLog> log,
            StartSequence sequence,
            Adopter adopter) {
        this.state = state;
        this.own = own;
        this.timings = timings;
        this.log = log;
        this.sequence = sequence;
        this.adopter = adopter;
    }

    /** An AllTalk to adopt; or empty, with the lock held when the other TalkHost let go, else given up. */
    Optional<Adopter.Adoption> await(Attempt a, Mode mode, AllTalkSettings s) {
        state.enter(Phase.STARTING, mode, null, null, TEXT.info("lock.wait"), a.listeners);
        log.get()
                .info(
                        "Another TalkHost holds {}; waiting for its AllTalk",
                        own.lock().file());
        long deadline = System.nanoTime() + timings.readyTimeout().toNanos();
        while (System.nanoTime() < deadline
                && !a.cancelled()
                && !Thread.currentThread().isInterrupted()) {
            Detection d = sequence.detect(a, false);
            Optional<Adopter.Adoption> found = adopter.adopt(d, mode, s);
            if (found.isPresent()) {
                return found;
            }
            if (own.lock().tryOnce()) {
                return Optional.empty();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(EVERY.toMillis()));
        }
        return Optional.empty();
    }
}
