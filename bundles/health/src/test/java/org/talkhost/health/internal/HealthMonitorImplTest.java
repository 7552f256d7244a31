package org.talkhost.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkhost.health.internal.ScriptedClient.Answer.READY;
import static org.talkhost.health.internal.ScriptedClient.Answer.REFUSED;
import static org.talkhost.health.internal.ScriptedClient.Answer.SLOW;
import static org.talkhost.health.internal.ScriptedClient.Answer.TIMEOUT;
import static org.talkhost.health.internal.ScriptedClient.Answer.UNLOADED;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.talkhost.api.health.HealthState;
import org.talkhost.api.health.HealthStatus;
import org.talkhost.api.health.HealthTransition;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeTopics;
import org.talkhost.api.process.Phase;

class HealthMonitorImplTest {
    private final FakeClock clock = new FakeClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final ScriptedClient client = new ScriptedClient(clock);
    private final RecordingEventAdmin events = new RecordingEventAdmin();
    private HealthMonitorImpl monitor;

    @BeforeEach
    void start() {
        monitor = new HealthMonitorImpl(client, clock, scheduler);
        monitor.events = events;
    }

    @AfterEach
    void stop() {
        monitor.stop();
    }

    private void activate(HealthSettings settings) {
        monitor.apply(settings);
    }

    private List<HealthState> states() {
        return monitor.history().stream().map(HealthTransition::to).collect(Collectors.toList());
    }

    @Test
    void firstCheckRunsAtOnceAndSaysReady() {
        activate(HealthSettings.defaults());
        assertThat(scheduler.pendingDelay()).isZero();
        scheduler.runNext();
        assertThat(monitor.current().state()).isEqualTo(HealthState.READY);
        assertThat(events.noticeTexts())
                .containsExactly(
                        "AllTalk is ready: it answered a health check in 3 ms. TalkHost checks it every 5 seconds and "
                                + "tells you if that changes.");
        assertThat(scheduler.pendingDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theFirstReadyOfAnAllTalkTheSupervisorHasAlreadySaidRunsIsLoggedNotToldAgain() {
        FakeSupervisor supervisor =
                FakeSupervisor.managed(); // READY: it said "is ready", "already running" or "takes it back"
        monitor.supervisor = supervisor;
        activate(HealthSettings.defaults());
        scheduler.runNext();
        assertThat(monitor.current().state()).isEqualTo(HealthState.READY);
        assertThat(states()).as("in the history and the log").containsExactly(HealthState.READY);
        assertThat(events.notices()).as("told to people").isEmpty();
    }

    @Test
    void hangIsDownAfterExactlyThreeChecksAndRestartIsAskedOnce() {
        FakeSupervisor supervisor = FakeSupervisor.managed();
        monitor.supervisor = supervisor;
        activate(HealthSettings.defaults());
        scheduler.runNext(); // ready
        client.always = TIMEOUT;
        scheduler.runNext(2);
        assertThat(monitor.current().state()).isEqualTo(HealthState.READY);
        assertThat(monitor.current().consecutiveFailures()).isEqualTo(2);
        assertThat(supervisor.recoverReasons).isEmpty();
        scheduler.runNext();
        assertThat(monitor.current().state()).isEqualTo(HealthState.DOWN);
        assertThat(supervisor.recoverReasons).hasSize(1);
        scheduler.runNext(10);
        assertThat(supervisor.recoverReasons).hasSize(1);
        assertThat(monitor.current().state()).isEqualTo(HealthState.RECONNECTING);
        assertThat(client.readyCalls.get()).isEqualTo(14);

        List<Notice> notices = events.notices();
        assertThat(notices)
                .extracting(Notice::code)
                .as("the first Ready is the Supervisor's to say")
                .containsExactly("health.down.restart", "health.reconnecting");
        Notice down = notices.get(0);
        assertThat(down.level()).isEqualTo(Notice.Level.WARNING);
        // checks at 0, 5, 10 and 15 s; each unanswered one waits 1.5 s: the last answer was 16.5 s ago
        assertThat(down.text())
                .isEqualTo("AllTalk stopped answering 17 seconds ago. Restarting it now; this "
                        + "usually takes about 20 seconds.");
        assertThat(supervisor.recoverReasons.get(0))
                .contains("3 checks in a row failed")
                .contains("no answer within 1.5 seconds");
    }

    @Test
    void downIsDeclaredWithinIntervalTimesNPlusOneTimeoutAfterTheLastAnswer() {
        activate(HealthSettings.defaults());
        scheduler.runNext();
        client.always = TIMEOUT;
        while (monitor.current().state() != HealthState.DOWN) {
            scheduler.runNext();
        }
        HealthTransition down = monitor.history().get(monitor.history().size() - 1);
        HealthTransition ready = monitor.history().get(0);
        assertThat(Duration.between(ready.time(), down.time())).isLessThanOrEqualTo(Duration.ofMillis(15_000 + 1500));
    }

    @Test
    void adoptedServerIsReconnectedWithTheRightWords() {
        FakeSupervisor supervisor = FakeSupervisor.adopted();
        monitor.supervisor = supervisor;
        activate(HealthSettings.defaults());
        scheduler.runNext();
        client.always = REFUSED;
        scheduler.runNext(3);
        assertThat(supervisor.recoverReasons).hasSize(1);
        assertThat(events.noticeTexts())
                .last()
                .isEqualTo("AllTalk stopped answering 15 seconds ago. TalkHost keeps "
                        + "trying to reconnect every 5 seconds, then less often (at most every 30 seconds); if you "
                        + "started AllTalk yourself, check its window.");
    }

    @Test
    void backoffWhileDownDoublesUpToThirtySeconds() {
        activate(HealthSettings.defaults());
        scheduler.runNext();
        client.always = REFUSED;
        scheduler.runNext(7);
        // activation, after the good check, after 2 failures, after "down", then 2x, 4x, capped
        assertThat(scheduler.delays)
                .containsExactly(
                        Duration.ZERO,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
    }

    @Test
    void longGenerationIsBusyNeverDown() {
        FakeSupervisor supervisor = FakeSupervisor.managed();
        monitor.supervisor = supervisor;
        activate(HealthSettings.defaults());
        scheduler.runNext();
        client.inFlight = 1;
        client.always = TIMEOUT;
        scheduler.runNext(24); // two minutes of silence while speaking
        assertThat(monitor.current().state()).isEqualTo(HealthState.BUSY);
        assertThat(monitor.current().consecutiveFailures()).isZero();
        assertThat(supervisor.recoverReasons).isEmpty();
        assertThat(states()).containsExactly(HealthState.READY, HealthState.BUSY);
        client.inFlight = 0;
        client.always = READY;
        scheduler.runNext();
        assertThat(states()).containsExactly(HealthState.READY, HealthState.BUSY, HealthState.READY);
        assertThat(events.noticeTexts())
                .element(0)
                .asString()
                .contains("busy speaking")
                .contains("not counted as a failure");
        assertThat(events.noticeTexts())
                .last()
                .isEqualTo("AllTalk has finished speaking and answers health checks again. Everything is normal.");
    }

    @Test
    void unloadedIsDegradedWithAWarningThatSaysWhatToDo() {
        client.always = UNLOADED;
        activate(HealthSettings.defaults());
        scheduler.runNext();
        assertThat(monitor.current().state()).isEqualTo(HealthState.DEGRADED);
        Notice n = events.notices().get(0);
        assertThat(n.level()).isEqualTo(Notice.Level.WARNING);
        assertThat(n.text())
                .startsWith("AllTalk is running but has no voice model loaded")
                .contains("Load a model")
                .contains("checks again every 5 seconds");
        assertThat(monitor.current().explanation()).isEqualTo(n.text());
    }

    @Test
    void slowAnswerIsDegraded() {
        activate(HealthSettings.defaults());
        client.then(READY, 1).then(SLOW, 1);
        scheduler.runNext(2);
        assertThat(monitor.current().state()).isEqualTo(HealthState.DEGRADED);
        assertThat(monitor.current().lastLatency()).isEqualTo(Duration.ofMillis(1200));
        assertThat(events.noticeTexts())
                .last()
                .asString()
                .startsWith("AllTalk is answering slowly: a health check took 1200 ms, more than the 1000 ms");
        scheduler.runNext();
        assertThat(monitor.current().state()).isEqualTo(HealthState.READY);
        assertThat(events.noticeCodes()).last().isEqualTo("health.ready.normal");
    }

    @Test
    void memoryOverTheLimitIsDegraded() {
        FakeSupervisor supervisor = FakeSupervisor.managed();
        supervisor.usage =
                new org.talkhost.api.process.ResourceUsage(42, 2, 9000L * 1024 * 1024, 50, -1, clock.instant());
        monitor.supervisor = supervisor;
        activate(HealthSettings.defaults().withLimits(8000L * 1024 * 1024, 0));
        scheduler.runNext();
        assertThat(monitor.current().state()).isEqualTo(HealthState.DEGRADED);
        assertThat(events.noticeTexts().get(0))
                .startsWith("AllTalk uses 9000 MB of memory, more than the limit " + "of 8000 MB.");
    }

    @Test
    void recoveryIsReadyAgainAndSaysHowLongItTook() {
        FakeSupervisor supervisor = FakeSupervisor.managed();
        monitor.supervisor = supervisor;
        activate(HealthSettings.defaults());
        scheduler.runNext();
        client.always = REFUSED;
        scheduler.runNext(3); // down at 15 s
        supervisor.phase = Phase.RESTARTING;
        scheduler.runNext(3); // reconnecting at 20, 25, 30 s (no backoff while it restarts)
        supervisor.phase = Phase.READY;
        client.always = READY;
        scheduler.runNext(); // 35 s
        assertThat(monitor.current().state()).isEqualTo(HealthState.READY);
        assertThat(events.noticeCodes())
                .containsExactly("health.down.restart", "health.reconnecting.restart", "health.ready.recovered");
        assertThat(events.notices().get(2).level()).isEqualTo(Notice.Level.INFO);
        assertThat(events.noticeTexts())
                .last()
                .isEqualTo("AllTalk is answering again after 35 seconds. Speech "
                        + "requests work again; TalkHost goes back to checking every 5 seconds.");
        assertThat(scheduler.pendingDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theNextRestartEstimateIsTheLastRestartTime() {
        FakeSupervisor supervisor = FakeSupervisor.managed();
        monitor.supervisor = supervisor;
        activate(HealthSettings.defaults());
        scheduler.runNext();
        client.always = REFUSED;
        scheduler.runNext(3); // down at 15 s, restart asked
        supervisor.phase = Phase.RESTARTING;
        scheduler.runNext(6); // 45 s
        client.always = READY;
        supervisor.phase = Phase.READY;
        scheduler.runNext(); // ready at 50 s: the restart took 35 s
        client.always = REFUSED;
        scheduler.runNext(3);
        assertThat(events.noticeTexts()).last().asString().endsWith("this usually takes about 35 seconds.");
    }

    @Test
    void noticesComeInOrderAndInPlainWords() {
        FakeSupervisor supervisor = FakeSupervisor.managed();
        monitor.supervisor = supervisor;
        activate(HealthSettings.defaults());
        client.then(UNLOADED, 1).then(READY, 1).then(TIMEOUT, 4).then(READY, 1);
        scheduler.runNext(7);
        assertThat(events.noticeCodes())
                .containsExactly(
                        "health.degraded.unloaded",
                        "health.ready.normal",
                        "health.down.restart",
                        "health.reconnecting",
                        "health.ready.recovered");
        for (String text : events.noticeTexts()) {
            assertThat(text)
                    .startsWith("AllTalk")
                    .endsWith(".")
                    .doesNotContain("{")
                    .doesNotContainIgnoringCase("exception")
                    .doesNotContainIgnoringCase("timeout")
                    .doesNotContain("HTTP")
                    .doesNotContain("null");
        }
    }

    @Test
    void everyTransitionIsAnEventWithFromToReasonAndTime() {
        activate(HealthSettings.defaults());
        scheduler.runNext();
        client.always = TIMEOUT;
        scheduler.runNext(3);
        List<Event> health = events.healthEvents();
        assertThat(health).hasSize(2);
        Event down = health.get(1);
        assertThat(down.getTopic()).isEqualTo(NoticeTopics.HEALTH_CHANGED);
        assertThat(down.getProperty("from")).isEqualTo("READY");
        assertThat(down.getProperty("to")).isEqualTo("DOWN");
        assertThat((String) down.getProperty("reason")).contains("3 checks in a row failed");
        assertThat(down.getProperty("time")).isEqualTo(clock.instant().toEpochMilli());
        assertThat(events.events)
                .extracting(Event::getTopic)
                .containsExactly(
                        NoticeTopics.HEALTH_CHANGED,
                        "org/talkhost/notice/INFO",
                        NoticeTopics.HEALTH_CHANGED,
                        "org/talkhost/notice/WARNING");
    }

    @Test
    void historyIsBoundedAndOldestFirst() {
        activate(HealthSettings.defaults().withHistorySize(3));
        client.then(READY, 1).then(UNLOADED, 1).then(READY, 1).then(SLOW, 1).then(READY, 1);
        scheduler.runNext(5);
        List<HealthTransition> h = monitor.history();
        assertThat(h).hasSize(3);
        assertThat(h)
                .extracting(HealthTransition::to)
                .containsExactly(HealthState.READY, HealthState.DEGRADED, HealthState.READY);
        assertThat(h.get(1).reason()).isEqualTo("answered Ready in 1200 ms, slower than 1000 ms");
        assertThat(h.get(0).time()).isBefore(h.get(1).time());
        assertThat(h.get(1).time()).isBefore(h.get(2).time());
    }

    @Test
    void checkNowChecksAtOnceAndReturnsTheResult() {
        activate(HealthSettings.defaults());
        client.always = UNLOADED;
        HealthStatus s = monitor.checkNow();
        assertThat(s.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(client.readyCalls.get()).isEqualTo(1);
        assertThat(monitor.current()).isEqualTo(s);
    }

    @Test
    void everyCheckIsMeasured() {
        RecordingMetrics metrics = new RecordingMetrics();
        monitor.metrics = metrics;
        activate(HealthSettings.defaults());
        client.then(READY, 1).then(REFUSED, 1);
        scheduler.runNext(2);
        assertThat(metrics.records).containsExactly("health.check ok 3 ms", "health.check failed 0 ms");
    }

    @Test
    void transitionsGoToTheOperationsLog() {
        RecordingOperationsLog log = new RecordingOperationsLog();
        monitor.operations = log;
        activate(HealthSettings.defaults());
        client.then(READY, 1).then(UNLOADED, 1);
        scheduler.runNext(2);
        assertThat(log.lines)
                .containsExactly(
                        "INFO Health: UNKNOWN -> READY: answered Ready in 3 ms",
                        "WARNING Health: READY -> DEGRADED: answered Unloaded: no voice model loaded");
    }

    @Test
    void aSupervisorThatFailsToRecoverDoesNotStopTheChecks() {
        FakeSupervisor supervisor = FakeSupervisor.managed();
        supervisor.recoverFailure = new IllegalStateException("boom");
        monitor.supervisor = supervisor;
        activate(HealthSettings.defaults());
        client.always = REFUSED;
        scheduler.runNext(4);
        assertThat(monitor.current().state()).isEqualTo(HealthState.RECONNECTING);
        assertThat(scheduler.hasPending()).isTrue();
    }

    @Test
    void stoppedByTheSupervisorIsNotRestarted() {
        FakeSupervisor supervisor = FakeSupervisor.managed();
        monitor.supervisor = supervisor;
        activate(HealthSettings.defaults());
        scheduler.runNext();
        supervisor.phase = Phase.STOPPED;
        client.always = REFUSED;
        scheduler.runNext(5);
        assertThat(supervisor.recoverReasons).isEmpty();
        assertThat(monitor.current().state()).isEqualTo(HealthState.DOWN);
        assertThat(events.noticeTexts()).last().asString().startsWith("AllTalk is not running (it was stopped)");
    }

    @Test
    void aStartThatCannotWorkIsSaidOnceWithItsReasonAndNoReconnectCountdown() {
        FakeSupervisor supervisor = FakeSupervisor.managed();
        supervisor.phase = Phase.STARTING;
        monitor.supervisor = supervisor;
        client.always = REFUSED;
        activate(HealthSettings.defaults());
        scheduler.runNext();
        supervisor.phase = Phase.FAILED;
        supervisor.reason = "3 of the 9 packages AllTalk v1 needs are missing from /usr/bin/python3: TTS, torch.";
        supervisor.fix = "Leave python empty to use installer_files/env.";
        int before = events.noticeTexts().size();

        scheduler.runNext(12);

        assertThat(events.noticeTexts().subList(before, events.noticeTexts().size()))
                .singleElement()
                .asString()
                .startsWith("AllTalk is not running: 3 of the 9 packages AllTalk v1 needs are missing")
                .contains("installer_files/env")
                .doesNotContain("not answering")
                .doesNotContain("keeps trying");
        assertThat(supervisor.recoverReasons).isEmpty();
        assertThat(monitor.current().state()).isEqualTo(HealthState.DOWN);
        assertThat(monitor.current().explanation()).startsWith("AllTalk is not running: 3 of the 9");

        supervisor.phase = Phase.STARTING;
        scheduler.runNext(3);
        assertThat(monitor.current().state()).isEqualTo(HealthState.STARTING);
    }

    @Test
    void deepCheckRunsRarelyAndNeverWhileSpeaking() {
        activate(HealthSettings.defaults().withDeepCheckEvery(Duration.ofMinutes(1)));
        scheduler.runNext(12); // 55 s: not due yet
        assertThat(client.generateCalls.get()).isZero();
        scheduler.runNext(); // 60 s
        assertThat(client.generateCalls.get()).isEqualTo(1);
        client.inFlight = 1;
        client.always = TIMEOUT;
        scheduler.runNext(30);
        assertThat(client.generateCalls.get()).isEqualTo(1);
    }

    @Test
    void failedDeepCheckIsDegraded() {
        client.generateFailure = new org.talkhost.api.client.ServerFailureException(
                500, "AllTalk could not make the speech.", "HTTP 500", null);
        activate(HealthSettings.defaults().withDeepCheckEvery(Duration.ofMinutes(1)));
        scheduler.runNext(13);
        assertThat(monitor.current().state()).isEqualTo(HealthState.DEGRADED);
        assertThat(events.noticeTexts())
                .last()
                .isEqualTo("AllTalk answers, but it could not speak a short test "
                        + "sentence, so speech requests may fail. AllTalk could not make the speech. TalkHost tries the "
                        + "test again in 1 minute.");
    }

    @Test
    void newSettingsApplyAtOnce() {
        activate(HealthSettings.defaults());
        scheduler.runNext();
        activate(HealthSettings.defaults().withFailuresBeforeDown(1));
        assertThat(scheduler.pendingDelay()).isZero();
        client.always = REFUSED;
        scheduler.runNext();
        assertThat(monitor.current().state()).isEqualTo(HealthState.DOWN);
    }

    @Test
    void listenersSeeTheNewStateWhenTheEventArrives() {
        List<String> seen = new java.util.ArrayList<>();
        monitor.events = new org.osgi.service.event.EventAdmin() {
            @Override
            public void postEvent(Event event) {
                if (event.getTopic().equals(NoticeTopics.HEALTH_CHANGED)) {
                    seen.add(event.getProperty("to") + "=" + monitor.current().state());
                }
            }

            @Override
            public void sendEvent(Event event) {
                postEvent(event);
            }
        };
        activate(HealthSettings.defaults());
        client.then(READY, 1).then(REFUSED, 3);
        scheduler.runNext(4);
        assertThat(seen).containsExactly("READY=READY", "DOWN=DOWN");
    }

    @Test
    void stopShutsTheSchedulerDown() {
        activate(HealthSettings.defaults());
        monitor.stop();
        assertThat(scheduler.shutDown).isTrue();
        assertThat(monitor.checkNow().state()).isEqualTo(HealthState.UNKNOWN);
        assertThat(client.readyCalls.get()).isZero();
    }
}
