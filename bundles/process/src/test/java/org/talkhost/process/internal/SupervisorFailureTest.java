package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;

class SupervisorFailureTest extends WithRig {
    @Test
    void aChildThatDiesWhileLoadingIsReportedAtOnceWithItsExitCodeAndTheFix() {
        rig.settings.put("readyTimeoutSeconds", 60);
        rig.settings.put("standinArgs", "--print \"ModuleNotFoundError: No module named 'TTS'\" --exit-during-load 1");
        long start = System.nanoTime();

        RunState st = rig.supervisor().ensureRunning(null);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(st.phase()).isEqualTo(Phase.FAILED);
        assertThat(took).as("reported at once, not at the 60 s deadline").isLessThan(Duration.ofSeconds(10));
        assertThat(st.explanation())
                .contains("stopped while starting (exit code 1)")
                .contains("missing the package \"TTS\"")
                .contains("wrong Python environment")
                .contains("alltalk-server.log");
        assertThat(rig.files.pidFile()).doesNotExist();
    }

    @Test
    void aManagedAllTalkWithTheWrongPythonIsExplained() throws Exception {
        Path install = Files.createDirectories(home.resolve("alltalk"));
        Files.writeString(install.resolve("tts_server.py"), "# v1\n");
        Path python = Files.createDirectories(install.resolve("alltalk_environment/env/bin"))
                .resolve("python");
        Files.writeString(
                python,
                "#!/bin/sh\necho 'Traceback (most recent call last):'\n"
                        + "echo \"ModuleNotFoundError: No module named 'TTS.api'\"\nexit 1\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        rig.settings.put("mode", "auto");
        rig.settings.put("installDir", install.toString());

        RunState st = rig.supervisor().ensureRunning(null);

        assertThat(st.phase()).isEqualTo(Phase.FAILED);
        assertThat(st.explanation())
                .startsWith("AllTalk v1 stopped while starting (exit code 1).")
                .contains("missing the package \"TTS\"");
        assertThat(rig.ports.persistedDirs).containsExactly(install.toAbsolutePath());
        assertThat(rig.serverLogText()).contains(python + " tts_server.py");
    }

    @Test
    void whatNeverGetsReadyIsStoppedAtTheDeadlineAndExplained() {
        rig.settings.put("readyTimeoutSeconds", 2);
        rig.settings.put("standinArgs", "--load-ms 0 --unloaded");

        RunState st = rig.supervisor().ensureRunning(null);

        assertThat(st.phase()).isEqualTo(Phase.FAILED);
        assertThat(st.explanation())
                .contains("was not ready after 2 seconds, so TalkHost stopped it")
                .contains("never loaded a voice model")
                .contains("readyTimeoutSeconds");
        long pid = rig.events.stream()
                .filter(e -> e.getTopic().endsWith("/STARTING"))
                .mapToLong(e -> (Long) e.getProperty("pid"))
                .max()
                .orElseThrow();
        assertThat(ProcessHandle.of(pid).filter(Liveness::running)).isEmpty();
    }

    @Test
    void aCrashIsFollowedByARestartWithBackoff() {
        SupervisorImpl s = rig.supervisor();
        RunState first = s.ensureRunning(null);
        assertThat(first.ready()).isTrue();

        ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(() -> s.state().phase() == Phase.RESTARTING);
        assertThat(s.state().explanation())
                .contains("AllTalk stopped unexpectedly (exit code 137)")
                .contains("starts it again in 1 second (automatic start 1 of 5 allowed within 5 minutes)");
        await().atMost(Duration.ofSeconds(20)).until(() -> s.state().ready());
        assertThat(s.state().pid()).isNotEqualTo(first.pid());
        assertThat(s.state().startedByUs()).isTrue();
        assertThat(rig.oplog).anyMatch(l -> l.contains("exited unexpectedly with code 137"));
    }

    @Test
    void aServerThatKeepsCrashingHitsTheStartLimitAndTheUserIsToldWhatToDo() {
        rig.tuning.put("maxStarts", 2);
        rig.tuning.put("backoffMaxSeconds", 1);
        rig.settings.put("standinArgs", "--load-ms 0 --crash-after-ms 300");
        SupervisorImpl s = rig.supervisor();
        s.ensureRunning(null);

        await().atMost(Duration.ofSeconds(30)).until(() -> s.state().phase() == Phase.FAILED);

        assertThat(s.state().explanation())
                .contains("restarted AllTalk 2 times within 5 minutes and it stopped again")
                .contains("log/alltalk-server.log")
                .contains("alltalk:doctor")
                .contains("alltalk:start");
        assertThat(rig.noticeCodes().stream().filter("ready.started"::equals)).hasSize(3);
        s.recover("health says down");
        assertThat(s.state().phase()).as("recover does not override the limit").isEqualTo(Phase.FAILED);
    }

    @Test
    void aHungServerThatWeStartedIsStoppedAndStartedAgain() {
        SupervisorImpl s = rig.supervisor();
        RunState first = s.ensureRunning(null);
        rig.client.hung = true;

        s.recover("no answer for 3 checks");

        await().atMost(Duration.ofSeconds(10)).until(() -> s.state().phase() == Phase.RESTARTING);
        assertThat(s.state().explanation()).contains("isn't answering (no answer for 3 checks)");
        rig.client.hung = false;
        await().atMost(Duration.ofSeconds(20)).until(() -> s.state().ready());
        assertThat(s.state().pid()).isNotEqualTo(first.pid());
        assertThat(ProcessHandle.of(first.pid()).filter(Liveness::running)).isEmpty();
    }

    @Test
    void recoverIsIgnoredWhenTheServerAnswersAgain() {
        SupervisorImpl s = rig.supervisor();
        RunState first = s.ensureRunning(null);

        s.recover("one slow check");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> rig.oplog.stream().anyMatch(l -> l.contains("answers again")));
        assertThat(s.state().pid()).isEqualTo(first.pid());
        assertThat(s.state().ready()).isTrue();
    }
}
