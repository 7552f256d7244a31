package org.talkhost.gateway.internal;

/**
 * A request held until AllTalk is ready. The gate calls exactly one of {@link #resume()} (AllTalk is
 * ready: send it now) or {@link #refuse(String)} (waited too long, or too many wait), once.
 */
interface Waiter {

    /** When the wait must end, in {@link System#nanoTime()} terms. */
    long deadlineNanos();

    /** AllTalk is ready: carry on (called on a worker thread, never on the gate's timer). */
    void resume();

    /** The wait is over without AllTalk: answer 503 with {@code reason} (a plain sentence). */
    void refuse(String reason);
}
