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
 */
public record RunState(Phase phase, Mode mode, ServerAddress address, ServerKind kind, long pid,
        boolean startedByUs, Instant since, String explanation) {

    public boolean ready() {
        return phase == Phase.READY;
    }
}
