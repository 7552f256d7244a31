package org.talkhost.api.process;

/** Where the Supervisor is with its AllTalk. */
public enum Phase {
    /** Nothing running that TalkHost knows of. */
    STOPPED,
    /** Looking for a running AllTalk. */
    DETECTING,
    /** Started (or adopted a loading one); waiting for it to be ready. */
    STARTING,
    /** AllTalk answers Ready. */
    READY,
    /** Restarting after a crash or a hang. */
    RESTARTING,
    /** Stopping it. */
    STOPPING,
    /** Could not start or keep it running; the explanation says what to do. */
    FAILED
}
