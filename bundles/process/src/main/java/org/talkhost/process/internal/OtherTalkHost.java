package org.talkhost.process.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.Mode;
import org.talkhost.api.detection.Detection;
import org.talkhost.api.process.Phase;

/**
 * Another TalkHost holds the instance lock (it is starting or owns an AllTalk): wait for its AllTalk to
 * show up and adopt it, or take the lock when the other one lets go. Never starts a second AllTalk.
 */
final class OtherTalkHost {
    private static final Duration EVERY = Duration.ofMillis(500);

    private final Parts p;
    private final StartSequence sequence;
    private final Adopter adopter;

    OtherTalkHost(Parts parts, StartSequence sequence, Adopter adopter) {
        this.p = parts;
        this.sequence = sequence;
        this.adopter = adopter;
    }

    /** An AllTalk to adopt; or empty, with the lock held when the other TalkHost let go, else given up. */
    Optional<Adopter.Adoption> await(Attempt a, Mode mode, AllTalkSettings s) {
        p.board.enter(Phase.STARTING, mode, null, null, p.messages.info("lock.wait"), a.listeners);
        p.log().info("Another TalkHost holds {}; waiting for its AllTalk", p.files.lockFile());
        long deadline = System.nanoTime() + p.readyTimeout().toNanos();
        while (System.nanoTime() < deadline && !a.cancelled() && !Thread.currentThread().isInterrupted()) {
            Detection d = sequence.detect(a, false);
            Optional<Adopter.Adoption> found = adopter.adopt(d, mode, s);
            if (found.isPresent()) {
                return found;
            }
            if (p.lock.tryOnce()) {
                return Optional.empty();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(EVERY.toMillis()));
        }
        return Optional.empty();
    }
}
