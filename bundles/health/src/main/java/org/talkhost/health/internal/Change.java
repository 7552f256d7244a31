package org.talkhost.health.internal;

import java.time.Duration;
import java.time.Instant;

import org.talkhost.api.health.HealthState;

/**
 * One change of state as the state machine decided it, with what the words about it need.
 *
 * @param time      when
 * @param from      the state before
 * @param to        the state after
 * @param code      why, as a catalog suffix ({@code ready}, {@code busy}, {@code degraded.slow}, {@code down.restart}, ...)
 * @param result    the check that caused it
 * @param inFlight  generations running during that check
 * @param silence   how long AllTalk has not answered (down, reconnecting, back again), else null
 * @param nextCheck the wait before the next check
 * @param problem   the resource or test-sentence problem, or null
 */
record Change(
        Instant time,
        HealthState from,
        HealthState to,
        String code,
        ProbeResult result,
        int inFlight,
        Duration silence,
        Duration nextCheck,
        Problem problem) {}
