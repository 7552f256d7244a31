package org.talkhost.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkhost.health.internal.ScriptedClient.Answer.REFUSED;
import static org.talkhost.health.internal.ScriptedClient.Answer.TIMEOUT;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.talkhost.api.health.HealthState;
import org.talkhost.api.notice.Notice;

/**
 * An adopted AllTalk (found running, its pid known from detection) whose process ends is noticed between checks:
 * down at once, told to people, without waiting for the check interval or for N failed checks. A hang, where the
 * process is still there, keeps the slower rule.
 */
class AdoptedProcessDeathTest {
    private final FakeClock clock = new FakeClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final ScriptedClient client = new ScriptedClient(clock);
    private final RecordingEventAdmin events = new RecordingEventAdmin();
    private final AtomicBoolean alive = new AtomicBoolean(true);
    private final FakeSupervisor supervisor = FakeSupervisor.adopted();
    private HealthMonitorImpl monitor;

    @BeforeEach
    void start() {
        monitor = new HealthMonitorImpl(client, clock, scheduler, new Observer(client, clock, pid -> alive.get()));
        monitor.events = events;
        monitor.supervisor = supervisor;
        monitor.apply(HealthSettings.defaults());
        scheduler.runNext();
        assertThat(monitor.current().state()).isEqualTo(HealthState.READY);
    }

    @AfterEach
    void stop() {
        monitor.stop();
    }

    @Test
    void processGoneAndPortRefusedIsDownAtOnceAndToldOnce() {
        alive.set(false);
        client.always = REFUSED;
        scheduler.runEvery(); // no check interval passes: the clock does not move
        assertThat(monitor.current().state()).isEqualTo(HealthState.DOWN);
        assertThat(client.readyCalls.get()).isEqualTo(2);
        assertThat(events.notices()).extracting(Notice::code).containsExactly("health.down.gone");
        assertThat(events.noticeTexts())
                .last()
                .asString()
                .startsWith("AllTalk's process has ended and nothing answers")
                .contains("start it again");
        assertThat(supervisor.recoverReasons).hasSize(1);
        assertThat(supervisor.recoverReasons.get(0)).contains("its process ended");

        scheduler.runEvery(); // the same ended process is not checked again and again
        assertThat(client.readyCalls.get()).isEqualTo(2);
    }

    @Test
    void nothingIsCheckedBetweenIntervalsWhileTheProcessRuns() {
        scheduler.runEvery();
        scheduler.runEvery();
        assertThat(client.readyCalls.get()).isEqualTo(1);
    }

    @Test
    void aHangWithTheProcessStillThereKeepsTheSlowerRule() {
        client.always = TIMEOUT;
        scheduler.runEvery();
        scheduler.runNext(2);
        assertThat(monitor.current().state()).isEqualTo(HealthState.READY);
        scheduler.runNext();
        assertThat(monitor.current().state()).isEqualTo(HealthState.DOWN);
        assertThat(events.notices()).extracting(Notice::code).doesNotContain("health.down.gone");
    }

    @Test
    void aRefusedPortWhileTheProcessRunsIsNotDownAtOnce() {
        client.always = REFUSED;
        scheduler.runNext();
        assertThat(monitor.current().state()).isEqualTo(HealthState.READY);
        assertThat(monitor.current().consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void aServerThisTalkHostStartedIsLeftToTheSupervisor() {
        supervisor.startedByUs = true;
        alive.set(false);
        client.always = REFUSED;
        scheduler.runEvery();
        assertThat(client.readyCalls.get()).isEqualTo(1);
    }

    @Test
    void processAliveSeesARealProcessEnd() throws Exception {
        Process p = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(Observer.processAlive(p.pid())).isTrue();
        } finally {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        assertThat(Observer.processAlive(p.pid())).isFalse();
    }

    @Test
    void aCrashTheSupervisorIsRestartingIsToldAsDownAtOnceWithoutASecondRestart() {
        supervisor.startedByUs = true;
        supervisor.phase = org.talkhost.api.process.Phase.RESTARTING;
        client.always = REFUSED;
        scheduler.runEvery(); // no check interval passes
        assertThat(monitor.current().state()).isEqualTo(HealthState.DOWN);
        assertThat(events.notices()).extracting(Notice::code).containsExactly("health.down.crashed");
        assertThat(events.noticeTexts()).last().asString().contains("already starting it again");
        assertThat(supervisor.recoverReasons).isEmpty();

        scheduler.runEvery(); // said once
        assertThat(events.notices()).extracting(Notice::code).containsExactly("health.down.crashed");
    }
}
