package org.talkhost.process.internal;

import org.talkhost.api.config.Mode;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.ServerKind;

/**
 * The AllTalk the Supervisor looks after.
 *
 * @param mode        the mode it runs under
 * @param address     where it answers
 * @param kind        V1, V2, STANDIN or UNKNOWN
 * @param child       its process, or null when there is none on this computer that TalkHost knows of
 * @param startedByUs whether this TalkHost started it (then it stops it on exit and restarts it on a crash)
 */
record Supervised(Mode mode, ServerAddress address, ServerKind kind, ChildProcess child, boolean startedByUs) {

    long pid() {
        return child == null ? 0 : child.pid();
    }

    boolean alive() {
        return child != null && child.alive();
    }

    /** How a person names it. */
    String words() {
        return kind == ServerKind.STANDIN
                ? "AllTalk (" + kind.words() + ")"
                : kind == ServerKind.V1 || kind == ServerKind.V2 ? kind.words() : "AllTalk";
    }
}
