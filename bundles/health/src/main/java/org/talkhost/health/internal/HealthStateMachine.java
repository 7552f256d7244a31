package org.talkhost.health.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.talkhost.api.health.HealthState;
import org.talkhost.api.process.Phase;
import org.talkhost.health.internal.ProbeResult.Outcome;

/**
 * The health state machine: from what one check saw to the next state, why, whether to ask for a
 * recovery, and when to check again. Pure (no I/O, no clock of its own); called from one thread.
 */
final class HealthStateMachine {

    /** The result of one observation. */
    record Step(
            HealthState state, Instant since, int failures, Change change, boolean recoverNow, Duration nextDelay) {}

    private static final Set<Phase> STARTING_PHASES = EnumSet.of(Phase.DETECTING, Phase.STARTING, Phase.RESTARTING);
    private static final Set<HealthState> UP_STATES =
            EnumSet.of(HealthState.UNKNOWN, HealthState.READY, HealthState.DEGRADED, HealthState.BUSY);
    private static final Set<HealthState> OUTAGE_STATES = EnumSet.of(HealthState.DOWN, HealthState.RECONNECTING);

    private HealthSettings settings;
    private HealthState state = HealthState.UNKNOWN;
    private Instant since;
    private int failures;
    private Instant lastAnswer; // last real answer
    private Instant lastAlive; // last answer or tolerated busy stall
    private Instant firstFailure; // first failure of the current run
    private Instant silentSince; // start of the silence of the current outage
    private boolean outage; // DOWN declared, not answering Ready again yet
    private RecoveryKind outageRecovery;
    private int failedSinceDown;

    HealthStateMachine(HealthSettings settings, Instant start) {
        this.settings = settings;
        this.since = start;
    }

    void settings(HealthSettings s) {
        this.settings = s;
    }

    HealthState state() {
        return state;
    }

    Step observe(Observation o) {
        ProbeResult r = o.result();
        boolean starting = o.phase() != null && STARTING_PHASES.contains(o.phase());
        if (r.answered()) {
            return answered(o, starting);
        }
        if (o.recovery() == RecoveryKind.BLOCKED) {
            return blocked(o);
        }
        if (r.outcome() == Outcome.TIMEOUT && o.inFlight() > 0 && !outage) {
            failures = 0;
            firstFailure = null;
            lastAlive = o.now();
            return move(o, HealthState.BUSY, "busy", null, false);
        }
        if (firstFailure == null) {
            firstFailure = o.now();
        }
        failures++;
        if (outage) {
            return stillSilent(o, starting);
        }
        if (o.phase() == Phase.RESTARTING && UP_STATES.contains(state)) {
            return crashed(o);
        }
        if (starting) {
            failures = 0;
            return move(o, HealthState.STARTING, "starting", null, false);
        }
        boolean gone = o.processGone() && r.outcome() == Outcome.UNREACHABLE;
        if (failures < settings.failuresBeforeDown() && !gone) {
            return move(o, state, null, null, false);
        }
        return down(o, gone);
    }

    private Step answered(Observation o, boolean starting) {
        ProbeResult r = o.result();
        if (starting && r.outcome() != Outcome.NOT_READY && !outage && state != HealthState.READY) {
            // the Supervisor has not said what it found or started yet: it speaks first, health follows
            lastAnswer = o.now();
            lastAlive = o.now();
            failures = 0;
            firstFailure = null;
            return move(o, state, null, null, false);
        }
        lastAnswer = o.now();
        lastAlive = o.now();
        failures = 0;
        firstFailure = null;
        HealthState target;
        String code;
        if (r.outcome() == Outcome.NOT_READY) {
            target = starting ? HealthState.STARTING : HealthState.DEGRADED;
            code = starting
                    ? "starting"
                    : "Unloaded".equalsIgnoreCase(r.body()) ? "degraded.unloaded" : "degraded.notready";
        } else if (r.latency() != null && r.latency().compareTo(settings.slow()) > 0) {
            target = HealthState.DEGRADED;
            code = "degraded.slow";
        } else if (o.problem() != null) {
            target = HealthState.DEGRADED;
            code = "degraded." + o.problem().code();
        } else {
            target = HealthState.READY;
            code = "ready";
        }
        Duration silence = outage ? Duration.between(silentSince, o.now()) : null;
        if (target != HealthState.STARTING) {
            outage = false;
            silentSince = null;
            failedSinceDown = 0;
        }
        return move(o, target, code, silence, false);
    }

    private Step stillSilent(Observation o, boolean starting) {
        failedSinceDown++;
        Duration silence = Duration.between(silentSince, o.now());
        if (outageRecovery == RecoveryKind.STOPPED || outageRecovery == RecoveryKind.BLOCKED) {
            if (starting) { // started again by someone: a new start, not a recovery
                outage = false;
                failures = 0;
                return move(o, HealthState.STARTING, "starting", null, false);
            }
            return move(o, HealthState.DOWN, null, silence, false);
        }
        return move(o, HealthState.RECONNECTING, starting ? "reconnecting.restart" : "reconnecting", silence, false);
    }

    /**
     * A start was blocked or failed and nothing runs: DOWN, said once with the Supervisor's reason; no countdown,
     * no recovery, quiet until a start is attempted again.
     */
    private Step blocked(Observation o) {
        if (!outage) {
            outage = true;
            failedSinceDown = 0;
            silentSince = lastAlive != null ? lastAlive : o.now();
        }
        outageRecovery = RecoveryKind.BLOCKED;
        failures = 0;
        firstFailure = null;
        return move(o, HealthState.DOWN, "down.blocked", null, false);
    }

    /**
     * The Supervisor is already restarting an AllTalk that was up (its process ended or crashed): DOWN at once, said
     * once, and no second restart asked for; the checks that follow report the reconnection.
     */
    private Step crashed(Observation o) {
        outage = true;
        outageRecovery = RecoveryKind.RESTART;
        failedSinceDown = 0;
        silentSince = lastAlive != null ? lastAlive : firstFailure;
        return move(o, HealthState.DOWN, "down.crashed", Duration.between(silentSince, o.now()), false);
    }

    /** Down: after N failed checks, or at once when the adopted AllTalk's process is gone and nothing listens. */
    private Step down(Observation o, boolean gone) {
        outage = true;
        outageRecovery = o.recovery();
        failedSinceDown = 0;
        silentSince = lastAlive != null ? lastAlive : firstFailure;
        boolean never = lastAnswer == null;
        String code;
        switch (o.recovery()) {
            case RESTART:
                code = never ? "down.restart.never" : "down.restart";
                break;
            case STOPPED:
                code = "down.stopped";
                break;
            default:
                code = gone ? "down.gone" : never ? "down.never" : "down.reconnect";
        }
        boolean recover = o.recovery() == RecoveryKind.RESTART || o.recovery() == RecoveryKind.RECONNECT;
        return move(o, HealthState.DOWN, code, Duration.between(silentSince, o.now()), recover);
    }

    private Step move(Observation o, HealthState target, String code, Duration silence, boolean recover) {
        HealthState from = state;
        if (target != from) {
            state = target;
            since = o.now();
        }
        Duration next = nextDelay(o);
        Change change = target == from || code == null
                ? null
                : new Change(o.now(), from, target, code, o.result(), o.inFlight(), silence, next, o.problem());
        return new Step(state, since, failures, change, recover, next);
    }

    /** The base interval; while down (and no restart is under way) it doubles per failed check, capped. */
    private Duration nextDelay(Observation o) {
        boolean starting = o.phase() != null && STARTING_PHASES.contains(o.phase());
        if (!OUTAGE_STATES.contains(state) || starting) {
            return settings.interval();
        }
        Duration d = settings.interval().multipliedBy(1L << Math.min(failedSinceDown, 20));
        return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
    }
}
