package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;
import org.talkhost.api.environment.Doctor;
import org.talkhost.api.environment.DoctorReport;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;

/** One story after a user's stop or a start that cannot work: the state says why and what to do, and holds. */
class SupervisorStoryTest extends WithRig {
    @Test
    void aUsersStopHoldsUntilTheUserStartsAgain() {
        SupervisorImpl s = rig.supervisor();
        RunState first = s.ensureRunning(null);
        assertThat(first.ready()).isTrue();
        s.stop(null);
        int detections = rig.detector.calls.get();

        RunState after = s.ensureRunning(null);

        assertThat(after.phase()).isEqualTo(Phase.STOPPED);
        assertThat(after.explanation()).contains("stopped with alltalk:stop").contains("alltalk:start");
        assertThat(rig.detector.calls.get()).as("nothing looked for or started").isEqualTo(detections);
        assertThat(s.state().phase()).isEqualTo(Phase.STOPPED);

        RunState again = s.start(null);
        assertThat(again.ready()).isTrue();
        assertThat(again.pid()).isNotEqualTo(first.pid());
    }

    @Test
    void aBlockedStartCarriesItsReasonAndItsFix() throws Exception {
        managedInstall();
        SupervisorImpl s = rig.supervisor();
        s.doctor = doctor(new AtomicInteger());

        RunState st = s.ensureRunning(null);

        assertThat(st.blocked()).isTrue();
        assertThat(st.reason()).isEqualTo("3 of the 9 packages AllTalk v1 needs are missing: TTS, torch, torchaudio.");
        assertThat(st.fix()).isEqualTo("Leave python empty.");
        assertThat(st.hasServer()).isFalse();
    }

    @Test
    void aChangedConfigurationRetriesABlockedStartAtOnceButTheWrittenBackPortDoesNot() throws Exception {
        managedInstall();
        SupervisorImpl s = rig.supervisor();
        AtomicInteger asked = new AtomicInteger();
        s.doctor = doctor(asked);
        assertThat(s.ensureRunning(null).phase()).isEqualTo(Phase.FAILED);
        assertThat(asked).hasValue(1);

        s.configure(snapshot());
        rig.settings.put("port", rig.port);
        s.configure(snapshot());
        assertThat(s.state().phase()).isEqualTo(Phase.FAILED);
        assertThat(asked)
                .as("the port TalkHost wrote back is no reason to try again")
                .hasValue(1);

        rig.settings.put("python", "/usr/bin/python3");
        s.configure(snapshot());
        await().atMost(Duration.ofSeconds(10)).until(() -> asked.get() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> s.state().phase() == Phase.FAILED);
    }

    private AllTalkSettings snapshot() {
        return Configs.settings(new HashMap<>(rig.settings));
    }

    @Test
    void aFatalErrorInAStartStillAnswersEveryoneWhoJoined() {
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
        try {
            RunState failed = new RunState(Phase.FAILED, null, null, null, 0, false, java.time.Instant.now(), "x");
            Attempts attempts = new Attempts(worker, () -> failed);
            attempts.wire(
                    a -> {
                        throw new StackOverflowError("deep");
                    },
                    a -> failed,
                    r -> {});

            Attempt a = attempts.begin(false, NoticeListener.NONE, Duration.ZERO);

            assertThat(a.await(Duration.ofSeconds(5))).isSameAs(failed);
        } finally {
            worker.shutdownNow();
        }
    }

    private void managedInstall() throws Exception {
        Path install = Files.createDirectories(home.resolve("alltalk_tts"));
        Files.writeString(install.resolve("tts_server.py"), "");
        rig.settings.put("installDir", install.toString());
        rig.settings.put("mode", "managed");
        rig.settings.put("python", "/bin/sh");
    }

    private static Doctor doctor(AtomicInteger asked) {
        return fresh -> {
            asked.incrementAndGet();
            return new DoctorReport(
                    List.of(new CheckResult(
                            "python.packages",
                            "Python packages",
                            CheckStatus.FAIL,
                            "3 of the 9 packages AllTalk v1 needs are missing: TTS, torch, torchaudio.",
                            "Leave python empty.",
                            true,
                            Duration.ZERO)),
                    Duration.ZERO);
        };
    }
}
