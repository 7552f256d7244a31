package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.inject.Inject;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.client.GenerateRequest;
import org.talkhost.api.client.GenerateResult;
import org.talkhost.api.config.Mode;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.health.HealthMonitor;
import org.talkhost.api.health.HealthState;
import org.talkhost.api.health.HealthStatus;
import org.talkhost.api.health.HealthTransition;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

/**
 * Health against the stand-in that TalkHost itself starts (mode standin, on a free port A, with the control
 * endpoint), with its faults switched on and off while it runs: hang, slow generation, no model loaded.
 * Checks every second, 0.5 s timeout, down after 3 failed checks. One container for the class: each test
 * switches its fault off again, and looks only at what happened after it began.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HealthExamTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final int FAILURES = 3;
    private static final String MONITOR = "org.talkhost.health.internal.HealthMonitorImpl";
    private static final String SUPERVISOR = "org.talkhost.process.internal.SupervisorImpl";

    @Inject
    BundleContext context;

    @Inject
    HealthMonitor health;

    @Inject
    AllTalkClient client;

    @Inject
    Supervisor supervisor;

    @Inject
    ServiceComponentRuntime scr;

    private NoticeRecorder notices;
    private RunState started;
    /** When the test proper began: notices and transitions before it belong to the start. */
    private Instant begin;

    @Configuration
    public Option[] config() {
        int[] p = ExamSupport.sharedPorts("health-a", "health-b");
        // --no-ui: the v2 stand-in opens no web page, so the port choice never looks at 7852;
        // --host: it listens on 127.0.0.1 only (v2 listens on every address by default)
        Path home = TalkHostExam.home(
                "mode=\"standin\"",
                "ports=I[\"" + p[0] + "\",\"" + p[1] + "\"]",
                "standinArgs=\"--load-seconds 0 --control --no-ui --host 127.0.0.1\"");
        ExamSupport.writeConfig(
                home,
                "org.talkhost.health",
                "intervalSeconds=I\"" + INTERVAL.toSeconds() + "\"",
                "timeoutSeconds=D\"" + TIMEOUT.toMillis() / 1000.0 + "\"",
                "failuresBeforeDown=I\"" + FAILURES + "\"");
        return ExamSupport.withAwaitility(
                TalkHostExam.feature(home),
                TalkHostExam.portOption("health-a", p[0]),
                TalkHostExam.portOption("health-b", p[1]));
    }

    @Before
    public void ourStandinIsReady() {
        notices = NoticeRecorder.register(context);
        ExamSupport.awaitComponentConfig(scr, MONITOR, "intervalSeconds", (int) INTERVAL.toSeconds());
        ExamSupport.awaitComponentConfig(scr, MONITOR, "failuresBeforeDown", FAILURES);
        int[] ports = ExamSupport.sharedPorts("health-a", "health-b");
        ExamSupport.awaitComponentConfig(scr, SUPERVISOR, "ports", ports);
        ExamSupport.awaitComponentConfig(scr, SUPERVISOR, "mode", "standin");
        int a = ports[0];
        started = supervisor.ensureRunning(NoticeListener.NONE);
        assertThat(started.ready()).as(started.explanation()).isTrue();
        assertThat(started.startedByUs())
                .as(
                        "TalkHost started its own stand-in (another AllTalk on this machine "
                                + "would be adopted instead): %s",
                        started)
                .isTrue();
        assertThat(started.mode()).isEqualTo(Mode.STANDIN);
        assertThat(started.kind()).isEqualTo(ServerKind.STANDIN);
        assertThat(started.address().port()).isEqualTo(a);
        assertThat(commandLine(started.pid())).contains("alltalk-standin").contains("--control");
        awaitState(HealthState.READY, Duration.ofSeconds(5));
        begin = Instant.now();
    }

    @After
    public void faultsOffAndStopListening() {
        notices.close();
        RunState now = supervisor.state();
        if (now.ready() && now.address() != null) {
            for (String fault : List.of("hang", "unloaded-forever")) {
                StandinRun.fault(now.address().port(), fault, "false");
            }
            StandinRun.fault(now.address().port(), "generate-seconds", "0");
        }
    }

    @Test
    public void answersReady_ready() {
        HealthStatus s = health.checkNow();

        assertThat(s.state()).as(s.explanation()).isEqualTo(HealthState.READY);
        assertThat(s.consecutiveFailures()).isZero();
        assertThat(s.lastLatency()).isLessThan(TIMEOUT);
        assertThat(health.history()).extracting(HealthTransition::to).last().isEqualTo(HealthState.READY);
    }

    @Test
    public void hang_downWithinIntervalTimesN_thenRestartedAndReadyAgain() {
        int port = started.address().port();
        Instant hangAt = Instant.now();
        StandinRun.fault(port, "hang", "true");

        HealthTransition down = await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> transitionTo(HealthState.DOWN, hangAt), Optional::isPresent)
                .get();
        Duration took = Duration.between(hangAt, down.time());
        Duration bound = INTERVAL.multipliedBy(FAILURES).plus(TIMEOUT).plusSeconds(1);
        assertThat(took)
                .as("hang to down")
                .isLessThanOrEqualTo(bound)
                .isGreaterThanOrEqualTo(INTERVAL.multipliedBy(FAILURES - 1));
        Notice downNotice = notices.await("health.down.restart", Duration.ofSeconds(2));
        assertThat(downNotice.level()).isEqualTo(Notice.Level.WARNING);
        assertThat(downNotice.text()).startsWith("AllTalk stopped answering").contains("Restarting it now");
        ExamSupport.assertPlain(downNotice.text());

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .alias("restarted and ready")
                .until(() -> health.current().state() == HealthState.READY
                        && supervisor.state().ready()
                        && supervisor.state().pid() != started.pid());
        RunState again = supervisor.state();
        assertThat(again.startedByUs()).as(again.explanation()).isTrue();
        assertThat(again.address().port()).isEqualTo(port);
        assertThat(ProcessHandle.of(started.pid()).map(ProcessHandle::isAlive))
                .as("the hung stand-in is stopped")
                .isNotEqualTo(Optional.of(true));
        Notice recovered = notices.await("health.ready.recovered", Duration.ofSeconds(2));
        assertThat(recovered.text()).startsWith("AllTalk is answering again after");
        ExamSupport.assertPlain(recovered.text());
        Notice restart = notices.await("hang.restart", Duration.ofSeconds(2));
        assertThat(restart.text()).startsWith("AllTalk isn't answering (").contains("starts it again");
        ExamSupport.assertPlain(restart.text());

        List<String> healthCodes = codes(notices.from("health", begin));
        assertThat(healthCodes.get(0)).as("health notices %s", healthCodes).isEqualTo("health.down.restart");
        assertThat(healthCodes.get(healthCodes.size() - 1))
                .as("health notices %s", healthCodes)
                .isEqualTo("health.ready.recovered");
        assertThat(healthCodes.subList(1, healthCodes.size() - 1))
                .as("between down and recovered: %s", healthCodes)
                .allMatch(c -> c.startsWith("health.reconnecting"));
        assertThat(downNotice.time()).isBeforeOrEqualTo(restart.time());
        assertThat(restart.time()).isBeforeOrEqualTo(recovered.time());
    }

    @Test
    public void longGeneration_busyNeverDown() throws Exception {
        int port = started.address().port();
        StandinRun.fault(port, "generate-seconds", "4");
        CompletableFuture<GenerateResult> speaking = CompletableFuture.supplyAsync(() ->
                client.generate(GenerateRequest.of("A long sentence that keeps AllTalk busy for a few seconds.")));

        awaitState(HealthState.BUSY, Duration.ofSeconds(4));
        GenerateResult result = speaking.get(30, TimeUnit.SECONDS);
        assertThat(result.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        awaitState(HealthState.READY, Duration.ofSeconds(4));

        List<HealthState> states = health.history().stream()
                .filter(t -> !t.time().isBefore(begin))
                .map(HealthTransition::to)
                .collect(Collectors.toList());
        assertThat(states).as("while speaking").containsExactly(HealthState.BUSY, HealthState.READY);
        notices.await("health.ready.idle", Duration.ofSeconds(2));
        List<Notice> said = notices.from("health", begin);
        assertThat(codes(said)).containsExactly("health.busy", "health.ready.idle");
        Notice busy = said.get(0);
        assertThat(busy.text()).startsWith("AllTalk is busy speaking").contains("not counted as a failure");
        ExamSupport.assertPlain(busy.text());
        assertThat(supervisor.state().pid()).as("not restarted").isEqualTo(started.pid());
    }

    @Test
    public void noModelLoaded_degradedNotDown_thenNormalAgain() {
        int port = started.address().port();
        StandinRun.fault(port, "unloaded-forever", "true");

        awaitState(HealthState.DEGRADED, Duration.ofSeconds(3));
        await().during(Duration.ofSeconds(FAILURES + 1))
                .atMost(Duration.ofSeconds(FAILURES + 3))
                .alias("stays degraded: Unloaded is an answer, not a failure")
                .until(() -> health.current().state() == HealthState.DEGRADED);
        Notice degraded = notices.await("health.degraded.unloaded", Duration.ofSeconds(2));
        assertThat(degraded.level()).isEqualTo(Notice.Level.WARNING);
        assertThat(degraded.text()).contains("has no voice model loaded").contains("espeak-ng");
        ExamSupport.assertPlain(degraded.text());

        StandinRun.fault(port, "unloaded-forever", "false");
        awaitState(HealthState.READY, Duration.ofSeconds(3));
        Notice normal = notices.await("health.ready.normal", Duration.ofSeconds(2));
        assertThat(normal.text()).startsWith("AllTalk is working normally again");
        assertThat(codes(notices.from("health", begin)))
                .containsExactly("health.degraded.unloaded", "health.ready.normal");
        assertThat(supervisor.state().pid()).as("not restarted").isEqualTo(started.pid());
    }

    private Optional<HealthTransition> transitionTo(HealthState state, Instant from) {
        return health.history().stream()
                .filter(t -> t.to() == state && !t.time().isBefore(from))
                .findFirst();
    }

    private void awaitState(HealthState state, Duration atMost) {
        try {
            await().atMost(atMost)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> health.current().state() == state);
        } catch (ConditionTimeoutException e) { // no cause: Pax Exam would report only the root cause
            throw new AssertionError("Health did not become " + state + " within " + atMost.toMillis() + " ms; it is "
                    + health.current() + "; history " + health.history() + "; notices:\n" + notices.describe());
        }
    }

    private static List<String> codes(List<Notice> list) {
        return list.stream().map(Notice::code).collect(Collectors.toList());
    }

    private static String commandLine(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("(process " + pid + " not found)");
    }
}
