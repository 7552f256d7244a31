package org.talkhost.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.talkhost.api.health.HealthState;
import org.talkhost.api.process.Phase;
import org.talkhost.health.internal.HealthStateMachine.Step;
import org.talkhost.health.internal.ProbeResult.Outcome;

class HealthStateMachineTest {
    private static final Duration FAST = Duration.ofMillis(3);
    private final HealthSettings settings = HealthSettings.defaults();
    private Instant now = Instant.parse("2025-01-01T12:00:00Z");
    private final HealthStateMachine machine = new HealthStateMachine(settings, now);

    private Step see(ProbeResult r, int inFlight, Phase phase, RecoveryKind recovery, Problem problem) {
        now = now.plusSeconds(5);
        return machine.observe(new Observation(r, inFlight, phase, recovery, problem, now));
    }

    private Step ready() {
        return see(ProbeResult.ready(FAST), 0, Phase.READY, RecoveryKind.RESTART, null);
    }

    private Step timeout(int inFlight) {
        return see(timeoutResult(), inFlight, Phase.READY, RecoveryKind.RESTART, null);
    }

    private static ProbeResult timeoutResult() {
        return ProbeResult.failed(Outcome.TIMEOUT, Duration.ofMillis(1500), "no answer", "read timed out");
    }

    private static ProbeResult refused() {
        return ProbeResult.failed(Outcome.UNREACHABLE, Duration.ofMillis(1), "nothing listens", "refused");
    }

    @Test
    void firstReadyAnswerMakesItReady() {
        Step s = ready();
        assertThat(s.state()).isEqualTo(HealthState.READY);
        assertThat(s.change().from()).isEqualTo(HealthState.UNKNOWN);
        assertThat(s.change().code()).isEqualTo("ready");
        assertThat(s.nextDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anAllTalkFoundWhileTheSupervisorStillLooksIsAnnouncedOnlyAfterTheSupervisorHasSpoken() {
        Step looking = see(ProbeResult.ready(FAST), 0, Phase.DETECTING, RecoveryKind.RECONNECT, null);
        assertThat(looking.change()).isNull();
        assertThat(looking.state()).isEqualTo(HealthState.UNKNOWN);

        Step adopted = see(ProbeResult.ready(FAST), 0, Phase.READY, RecoveryKind.RECONNECT, null);
        assertThat(adopted.state()).isEqualTo(HealthState.READY);
        assertThat(adopted.change().code()).isEqualTo("ready");
    }

    @Test
    void readyAgainIsNoChange() {
        ready();
        assertThat(ready().change()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void hangIsDownAfterExactlyNFailedChecksAndAsksForRecoveryOnce(int n) {
        machine.settings(settings.withFailuresBeforeDown(n));
        ready();
        for (int i = 1; i < n; i++) {
            Step s = timeout(0);
            assertThat(s.state()).as("after %d failed checks", i).isEqualTo(HealthState.READY);
            assertThat(s.failures()).isEqualTo(i);
            assertThat(s.recoverNow()).isFalse();
        }
        Step down = timeout(0);
        assertThat(down.state()).isEqualTo(HealthState.DOWN);
        assertThat(down.change().code()).isEqualTo("down.restart");
        assertThat(down.recoverNow()).isTrue();
        assertThat(down.change().silence()).isEqualTo(Duration.ofSeconds(5L * n));
        List<Boolean> later = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            later.add(timeout(0).recoverNow());
        }
        assertThat(later).containsOnly(false);
    }

    @Test
    void afterDownTheNextFailureIsReconnectingAndStaysThereQuietly() {
        ready();
        timeout(0);
        timeout(0);
        timeout(0);
        Step s = timeout(0);
        assertThat(s.state()).isEqualTo(HealthState.RECONNECTING);
        assertThat(s.change().code()).isEqualTo("reconnecting");
        assertThat(s.change().silence()).isEqualTo(Duration.ofSeconds(20));
        assertThat(timeout(0).change()).isNull();
    }

    @Test
    void backoffDoublesWhileDownAndIsCapped() {
        ready();
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            delays.add(
                    see(refused(), 0, Phase.READY, RecoveryKind.RECONNECT, null).nextDelay());
        }
        assertThat(delays)
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
    }

    @Test
    void noBackoffWhileTheSupervisorRestartsIt() {
        ready();
        timeout(0);
        timeout(0);
        timeout(0);
        timeout(0);
        Step s = see(refused(), 0, Phase.RESTARTING, RecoveryKind.RESTART, null);
        assertThat(s.state()).isEqualTo(HealthState.RECONNECTING);
        assertThat(s.nextDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void longGenerationIsBusyNeverDown() {
        ready();
        Step first = timeout(1);
        assertThat(first.state()).isEqualTo(HealthState.BUSY);
        assertThat(first.change().code()).isEqualTo("busy");
        for (int i = 0; i < 50; i++) {
            Step s = timeout(1);
            assertThat(s.state()).isEqualTo(HealthState.BUSY);
            assertThat(s.failures()).isZero();
            assertThat(s.recoverNow()).isFalse();
        }
        Step done = ready();
        assertThat(done.state()).isEqualTo(HealthState.READY);
        assertThat(done.change().from()).isEqualTo(HealthState.BUSY);
        assertThat(done.change().silence()).isNull();
    }

    @Test
    void hangRightAfterAGenerationCountsFromTheFirstIdleTimeout() {
        ready();
        timeout(1);
        timeout(1);
        assertThat(timeout(0).state()).isEqualTo(HealthState.BUSY);
        assertThat(timeout(0).state()).isEqualTo(HealthState.BUSY);
        Step down = timeout(0);
        assertThat(down.state()).isEqualTo(HealthState.DOWN);
        assertThat(down.change().silence()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void refusedWhileSomethingIsInFlightIsAFailureNotBusy() {
        ready();
        Step s = see(refused(), 1, Phase.READY, RecoveryKind.RESTART, null);
        assertThat(s.state()).isEqualTo(HealthState.READY);
        assertThat(s.failures()).isEqualTo(1);
    }

    @Test
    void aGenerationStartedDuringAnOutageDoesNotHideIt() {
        ready();
        timeout(0);
        timeout(0);
        timeout(0);
        assertThat(timeout(1).state()).isEqualTo(HealthState.RECONNECTING);
    }

    @Test
    void unloadedIsDegraded() {
        Step s = see(ProbeResult.notReady("Unloaded", FAST), 0, Phase.READY, RecoveryKind.RESTART, null);
        assertThat(s.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(s.change().code()).isEqualTo("degraded.unloaded");
        assertThat(s.failures()).isZero();
    }

    @Test
    void anotherBodyIsDegradedNotReady() {
        Step s = see(ProbeResult.notReady("Loading", FAST), 0, null, RecoveryKind.WATCH, null);
        assertThat(s.change().code()).isEqualTo("degraded.notready");
    }

    @Test
    void unloadedWhileTheSupervisorStartsItIsStarting() {
        Step s = see(ProbeResult.notReady("Unloaded", FAST), 0, Phase.STARTING, RecoveryKind.RESTART, null);
        assertThat(s.state()).isEqualTo(HealthState.STARTING);
    }

    @Test
    void slowAnswerIsDegradedAndAFastOneMakesItReadyAgain() {
        ready();
        Step slow = see(ProbeResult.ready(Duration.ofMillis(1001)), 0, Phase.READY, RecoveryKind.RESTART, null);
        assertThat(slow.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(slow.change().code()).isEqualTo("degraded.slow");
        Step back = ready();
        assertThat(back.state()).isEqualTo(HealthState.READY);
        assertThat(back.change().from()).isEqualTo(HealthState.DEGRADED);
    }

    @Test
    void answerExactlyAtTheSlowLimitIsStillReady() {
        Step s = see(ProbeResult.ready(Duration.ofMillis(1000)), 0, Phase.READY, RecoveryKind.RESTART, null);
        assertThat(s.state()).isEqualTo(HealthState.READY);
    }

    @Test
    void resourceProblemIsDegraded() {
        Step s =
                see(ProbeResult.ready(FAST), 0, Phase.READY, RecoveryKind.RESTART, new Problem("memory", "9000", 8000));
        assertThat(s.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(s.change().code()).isEqualTo("degraded.memory");
    }

    @Test
    void refusedWhileStartingIsStartingNeverDown() {
        for (int i = 0; i < 30; i++) {
            Step s = see(refused(), 0, Phase.STARTING, RecoveryKind.RESTART, null);
            assertThat(s.state()).isEqualTo(HealthState.STARTING);
            assertThat(s.recoverNow()).isFalse();
        }
        Step ready = ready();
        assertThat(ready.change().from()).isEqualTo(HealthState.STARTING);
        assertThat(ready.change().silence()).isNull();
    }

    @Test
    void recoveryIsReadyWithTheLengthOfTheSilence() {
        ready();
        timeout(0);
        timeout(0);
        timeout(0);
        timeout(0);
        Step back = ready();
        assertThat(back.state()).isEqualTo(HealthState.READY);
        assertThat(back.change().from()).isEqualTo(HealthState.RECONNECTING);
        assertThat(back.change().silence()).isEqualTo(Duration.ofSeconds(25));
        assertThat(back.nextDelay()).isEqualTo(Duration.ofSeconds(5));
        // a later outage is a new one: recovery is asked for again
        timeout(0);
        timeout(0);
        assertThat(timeout(0).recoverNow()).isTrue();
    }

    @Test
    void loadingAfterARestartKeepsTheOutageUntilReady() {
        ready();
        timeout(0);
        timeout(0);
        timeout(0);
        Step loading = see(ProbeResult.notReady("Unloaded", FAST), 0, Phase.RESTARTING, RecoveryKind.RESTART, null);
        assertThat(loading.state()).isEqualTo(HealthState.STARTING);
        Step back = ready();
        assertThat(back.change().silence()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void adoptedServerIsReconnectedNotRestarted() {
        ready();
        see(refused(), 0, Phase.READY, RecoveryKind.RECONNECT, null);
        see(refused(), 0, Phase.READY, RecoveryKind.RECONNECT, null);
        Step down = see(refused(), 0, Phase.READY, RecoveryKind.RECONNECT, null);
        assertThat(down.change().code()).isEqualTo("down.reconnect");
        assertThat(down.recoverNow()).isTrue();
    }

    @Test
    void withoutSupervisorNothingIsAskedButItStillReconnects() {
        ready();
        see(refused(), 0, null, RecoveryKind.WATCH, null);
        see(refused(), 0, null, RecoveryKind.WATCH, null);
        Step down = see(refused(), 0, null, RecoveryKind.WATCH, null);
        assertThat(down.change().code()).isEqualTo("down.reconnect");
        assertThat(down.recoverNow()).isFalse();
        assertThat(see(refused(), 0, null, RecoveryKind.WATCH, null).state()).isEqualTo(HealthState.RECONNECTING);
    }

    @Test
    void neverAnsweredSaysSo() {
        see(refused(), 0, null, RecoveryKind.WATCH, null);
        see(refused(), 0, null, RecoveryKind.WATCH, null);
        Step down = see(refused(), 0, null, RecoveryKind.WATCH, null);
        assertThat(down.change().from()).isEqualTo(HealthState.UNKNOWN);
        assertThat(down.change().code()).isEqualTo("down.never");
        assertThat(down.change().silence()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void stoppedOnPurposeIsDownWithoutRecoveryAndWithoutReconnecting() {
        ready();
        see(refused(), 0, Phase.STOPPED, RecoveryKind.STOPPED, null);
        see(refused(), 0, Phase.STOPPED, RecoveryKind.STOPPED, null);
        Step down = see(refused(), 0, Phase.STOPPED, RecoveryKind.STOPPED, null);
        assertThat(down.change().code()).isEqualTo("down.stopped");
        assertThat(down.recoverNow()).isFalse();
        Step later = see(refused(), 0, Phase.STOPPED, RecoveryKind.STOPPED, null);
        assertThat(later.state()).isEqualTo(HealthState.DOWN);
        assertThat(later.change()).isNull();
        Step started = see(refused(), 0, Phase.STARTING, RecoveryKind.RESTART, null);
        assertThat(started.state()).isEqualTo(HealthState.STARTING);
    }

    @Test
    void errorAnswersCountAsFailures() {
        ready();
        ProbeResult error = ProbeResult.failed(Outcome.ERROR, FAST, "AllTalk answered with an error.", "HTTP 500");
        see(error, 0, Phase.READY, RecoveryKind.RESTART, null);
        see(error, 0, Phase.READY, RecoveryKind.RESTART, null);
        assertThat(see(error, 0, Phase.READY, RecoveryKind.RESTART, null).state())
                .isEqualTo(HealthState.DOWN);
    }

    @Test
    void oneGoodAnswerResetsTheFailureCount() {
        ready();
        timeout(0);
        timeout(0);
        assertThat(ready().failures()).isZero();
        timeout(0);
        timeout(0);
        assertThat(timeout(0).state()).isEqualTo(HealthState.DOWN);
    }
}
