package org.talkhost.health.internal;

import java.time.Instant;

import org.talkhost.api.process.Phase;

/**
 * Everything one check saw, the input of {@link HealthStateMachine}.
 *
 * @param result   the ready answer
 * @param inFlight generations running through the client during the check
 * @param phase    the Supervisor's phase, or null without a Supervisor
 * @param recovery what would happen if AllTalk were found down now
 * @param problem  a resource or test-sentence problem, or null
 * @param now      when the check ended
 * @param processGone an adopted AllTalk's process (its pid known from detection) no longer exists
 */
record Observation(
        ProbeResult result,
        int inFlight,
        Phase phase,
        RecoveryKind recovery,
        Problem problem,
        Instant now,
        boolean processGone) {

    Observation(ProbeResult result, int inFlight, Phase phase, RecoveryKind recovery, Problem problem, Instant now) {
        this(result, inFlight, phase, recovery, problem, now, false);
    }
}
