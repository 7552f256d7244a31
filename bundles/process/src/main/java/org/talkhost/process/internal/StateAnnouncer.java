package org.talkhost.process.internal;

import java.time.Instant;
import java.util.List;

import org.talkhost.api.config.Mode;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;

/**
 * Holds the Supervisor's current state and server, and announces every change of state (a notice to the
 * caller's listeners, EventAdmin and the host log, then the phase event).
 */
final class StateAnnouncer {
    private final Announcer announcer;
    private volatile RunState state;
    private volatile Supervised server;

    StateAnnouncer(Announcer announcer, Mode mode, String initial) {
        this.announcer = announcer;
        this.state = new RunState(Phase.STOPPED, mode, null, ServerKind.NONE, 0, false, Instant.now(), initial);
    }

    RunState state() {
        return state;
    }

    Supervised server() {
        return server;
    }

    void server(Supervised s) {
        server = s;
    }

    /** Enters a phase about {@code s} (or, without a server, about {@code address}) and says {@code n}. */
    RunState enter(Phase phase, Mode mode, Supervised s, ServerAddress address, Notice n, List<NoticeListener> to) {
        return enter(phase, mode, s, address, n, "", "", to);
    }

    /** Enters a phase with the reason and the fix of a start that was blocked or failed. */
    RunState enter(
            Phase phase,
            Mode mode,
            Supervised s,
            ServerAddress address,
            Notice n,
            String reason,
            String fix,
            List<NoticeListener> to) {
        RunState next = s != null
                ? new RunState(
                        phase,
                        mode,
                        s.address(),
                        s.kind(),
                        s.pid(),
                        s.startedByUs(),
                        Instant.now(),
                        n.text(),
                        reason,
                        fix)
                : new RunState(phase, mode, address, ServerKind.NONE, 0, false, Instant.now(), n.text(), reason, fix);
        state = next;
        if (to != null) {
            announcer.say(n, to);
        }
        announcer.phase(next);
        return next;
    }

    /**
     * Enters a phase whose notice another part says itself (detection says that it is looking), so that a person
     * reads it once; {@code n} is still the state's explanation.
     */
    RunState enterQuietly(Phase phase, Mode mode, Notice n) {
        return enter(phase, mode, null, null, n, "", "", null);
    }

    /** Says something without changing the phase. */
    void say(Notice n, List<NoticeListener> to) {
        announcer.say(n, to);
    }
}
