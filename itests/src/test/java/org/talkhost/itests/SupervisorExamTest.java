package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

/**
 * The Supervisor with the real stand-in: a clean start, a kill -9, an update of the process bundle (same
 * server afterwards), a server that dies while loading, and a server that keeps crashing until the start
 * limit. Each test starts AllTalk itself (as {@code alltalk:start} does), so they run in any order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SupervisorExamTest {
    private static final int PORT = TalkHostExam.sharedPort("supervisor");

    @Inject
    BundleContext context;

    @Inject
    ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() throws IOException {
        Path home = TalkHostExam.home(
                "mode=\"standin\"", "ports=I[\"" + PORT + "\"]", "standinArgs=\"--load-seconds 0.3\"");
        Files.write(
                home.resolve("config/org.talkhost.process.config"),
                List.of(
                        "maxStarts=I\"3\"",
                        "startWindowSeconds=I\"120\"",
                        "backoffMaxSeconds=I\"1\"",
                        "stopGraceSeconds=I\"3\""));
        return OptionUtils.combine(TalkHostExam.feature(home), TalkHostExam.portOption("supervisor", PORT));
    }

    private Supervisor supervisor() throws InterruptedException {
        ServiceTracker<Supervisor, Supervisor> t = new ServiceTracker<>(context, Supervisor.class, null);
        t.open();
        try {
            Supervisor s = t.waitForService(20_000);
            assertThat(s).as("a Supervisor service").isNotNull();
            return s;
        } finally {
            t.close();
        }
    }

    private RunState ready() throws InterruptedException {
        RunState s = supervisor().start(NoticeListener.NONE);
        assertThat(s.ready()).as(s.explanation()).isTrue();
        return s;
    }

    private void standinArgs(String args) throws IOException {
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration(AllTalkSettings.PID, "?");
        Dictionary<String, Object> p = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        p.put("standinArgs", args);
        c.update(p);
    }

    @Test
    public void cleanStartRunsTheStandinAsAChildOnTheConfiguredPort() throws Exception {
        RunState s = ready();
        assertThat(s.startedByUs()).isTrue();
        assertThat(s.address().port()).isEqualTo(PORT);
        ProcessHandle server = ProcessHandle.of(s.pid()).orElseThrow();
        assertThat(server.info().commandLine().orElse("")).contains("alltalk-standin");
    }

    @Test
    public void killMinus9IsRestartedOnTheSamePort() throws Exception {
        long before = ready().pid();
        ProcessHandle.of(before).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            RunState s = supervisor().state();
            return s.ready()
                    && s.pid() != before
                    && ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false);
        });
        assertThat(supervisor().state().address().port()).isEqualTo(PORT);
    }

    @Test
    public void updatingTheProcessBundleKeepsTheSameServer() throws Exception {
        long before = ready().pid();
        Bundle process = java.util.Arrays.stream(context.getBundles())
                .filter(b -> "talkhost-process".equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow();
        process.update();
        await().atMost(Duration.ofSeconds(30)).until(() -> supervisor().state().ready());
        RunState after = supervisor().state();
        assertThat(after.pid()).as("the same AllTalk after the swap").isEqualTo(before);
        assertThat(after.startedByUs()).as("still ours: it stops it at exit").isTrue();
        assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive)).contains(true);
    }

    @Test
    public void aServerThatDiesWhileLoadingIsExplainedAtOnce() throws Exception {
        ready();
        standinArgs("--load-seconds 0.3 --exit-during-load");
        long[] millis = new long[1];
        try {
            // the configuration reaches the Supervisor asynchronously: restart until the new arguments apply
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                long t0 = System.nanoTime();
                RunState s = supervisor().restart(NoticeListener.NONE);
                millis[0] = (System.nanoTime() - t0) / 1_000_000;
                return s.phase() == Phase.FAILED;
            });
            RunState s = supervisor().state();
            assertThat(s.explanation()).contains("exit code 1").doesNotContain("Exception");
            assertThat(millis[0])
                    .as("reported at once, not after the ready deadline")
                    .isLessThan(15_000);
        } finally {
            standinArgs("--load-seconds 0.3");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> supervisor().start(NoticeListener.NONE).ready());
    }

    @Test
    public void aServerThatKeepsCrashingHitsTheStartLimitAndTalkHostSaysWhatToDo() throws Exception {
        ready();
        standinArgs("--load-seconds 0.2 --crash-after-seconds 0.3");
        try {
            supervisor().restart(NoticeListener.NONE);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> supervisor().state().phase() == Phase.FAILED);
            String why = supervisor().state().explanation();
            assertThat(why).contains("stopped restarting").contains("alltalk:start");
        } finally {
            standinArgs("--load-seconds 0.3");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> supervisor().start(NoticeListener.NONE).ready());
        RunState again = supervisor().state();
        supervisor().stop(NoticeListener.NONE);
        assertThat(ProcessHandle.of(again.pid()).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
    }
}
