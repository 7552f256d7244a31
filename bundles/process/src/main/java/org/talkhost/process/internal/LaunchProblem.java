package org.talkhost.process.internal;

/** A start that cannot work as configured; the message is for people and says what to do. */
final class LaunchProblem extends Exception {
    private static final long serialVersionUID = 1L;

    LaunchProblem(String message) {
        super(message);
    }
}
