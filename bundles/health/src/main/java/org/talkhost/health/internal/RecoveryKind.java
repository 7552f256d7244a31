package org.talkhost.health.internal;

/** What happens when AllTalk is found down, from the Supervisor's view of it. */
enum RecoveryKind {
    /** TalkHost started it (managed or stand-in): the Supervisor restarts it. */
    RESTART,
    /** Adopted or external: the Supervisor reconnects; the user restarts it. */
    RECONNECT,
    /** No Supervisor: keep checking, the client reconnects on the next check. */
    WATCH,
    /** The Supervisor stopped it or is stopping it: do not ask for a restart. */
    STOPPED,
    /** A start was blocked or failed and nothing runs: say the Supervisor's reason once, then stay quiet. */
    BLOCKED
}
