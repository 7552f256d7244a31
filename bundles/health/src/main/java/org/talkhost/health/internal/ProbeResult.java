package org.talkhost.health.internal;

import java.time.Duration;

/**
 * What one {@code /api/ready} check found.
 *
 * @param outcome what kind of answer
 * @param body    the body as read, or "" when there was no answer
 * @param latency how long the check took
 * @param message plain words for people when it failed (from the client), else ""
 * @param detail  technical detail for the log, else ""
 */
record ProbeResult(Outcome outcome, String body, Duration latency, String message, String detail) {

    /** The kinds of answer a check can get. */
    enum Outcome {
        /** 200 {@code Ready}. */
        READY,
        /** Answered, but not {@code Ready} ({@code Unloaded}, ...). */
        NOT_READY,
        /** No answer in time: busy generating, or stuck. */
        TIMEOUT,
        /** Nothing listens, or the connection broke. */
        UNREACHABLE,
        /** Any other failure (an error status, a broken answer). */
        ERROR
    }

    ProbeResult {
        body = body == null ? "" : body.strip();
        message = message == null ? "" : message;
        detail = detail == null ? "" : detail;
    }

    boolean answered() {
        return outcome == Outcome.READY || outcome == Outcome.NOT_READY;
    }

    static ProbeResult ready(Duration latency) {
        return new ProbeResult(Outcome.READY, "Ready", latency, "", "");
    }

    static ProbeResult notReady(String body, Duration latency) {
        return new ProbeResult(Outcome.NOT_READY, body, latency, "", "");
    }

    static ProbeResult failed(Outcome outcome, Duration latency, String message, String detail) {
        return new ProbeResult(outcome, "", latency, message, detail);
    }
}
