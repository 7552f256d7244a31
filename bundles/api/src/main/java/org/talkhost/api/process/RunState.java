package org.talkhost.api.process;

import java.time.Instant;

import org.talkhost.api.config.Mode;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.ServerKind;

/**
 * The Supervisor's view of its AllTalk.
 *
 * @param phase       where it is
 * @param mode        managed, external or stand-in
 * @param address     where AllTalk answers, or null when none
 * @param kind        v1, v2, stand-in, or NONE
 * @param pid         the server's process id, or 0 when not known (external)
 * @param startedByUs true when this TalkHost started it (then it stops it on exit); false when adopted
 * @param since       when this phase began
 * @param explanation the state in plain words
 * @param reason      when a start was blocked or failed: why, in plain words (else "")
 * @param fix         when a start was blocked or failed: what to do about it (else "")
 */
public record RunState(
        Phase phase,
        Mode mode,
        ServerAddress address,
        ServerKind kind,
        long pid,
        boolean startedByUs,
        Instant since,
        String explanation,
        String reason,
        String fix) {

    public RunState {
        reason = reason == null ? "" : reason;
        fix = fix == null ? "" : fix;
    }

    /** A state without a reason or fix. */
    public RunState(
            Phase phase,
            Mode mode,
            ServerAddress address,
            ServerKind kind,
            long pid,
            boolean startedByUs,
            Instant since,
            String explanation) {
        this(phase, mode, address, kind, pid, startedByUs, since, explanation, "", "");
    }

    public boolean ready() {
        return phase == Phase.READY;
    }

    /** Whether AllTalk is not running because a start was blocked or failed (the reason says why). */
    public boolean blocked() {
        return phase == Phase.FAILED && pid == 0 && !reason.isEmpty();
    }

    /** Whether a server is known to run (found or started), whatever its phase. */
    public boolean hasServer() {
        return pid > 0
                || address != null && (phase == Phase.READY || phase == Phase.STARTING && kind != ServerKind.NONE);
    }
}
