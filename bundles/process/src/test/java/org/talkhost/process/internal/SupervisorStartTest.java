package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.talkhost.api.config.Mode;
import org.talkhost.api.detection.Conclusion;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;

class SupervisorStartTest extends WithRig {
    @Test
    void adoptsARunningAllTalkAndStartsNothing() {
        rig.detector.answer = () -> FakeDetector.found(Conclusion.READY, rig.port, ServerKind.V2, 0);
        SupervisorImpl s = rig.supervisor();

        RunState st = s.ensureRunning(null);

        assertThat(st.phase()).isEqualTo(Phase.READY);
        assertThat(st.startedByUs()).isFalse();
        assertThat(st.address().port()).isEqualTo(rig.port);
        assertThat(st.explanation())
                .contains("AllTalk v2 is already running on 127.0.0.1:" + rig.port)
                .contains("does not start another one")
                .contains("leave it running");
        assertThat(rig.ports.chosen).hasValue(0);
        assertThat(rig.client.target().port()).isEqualTo(rig.port);
        assertThat(rig.files.pidFile()).doesNotExist();
        assertThat(rig.serverLog()).doesNotExist();
    }

    @Test
    void startsTheStandInWhenNoneRunsAndSaysWhatItDoes() throws Exception {
        SupervisorImpl s = rig.supervisor();
        List<Notice> heard = new CopyOnWriteArrayList<>();

        RunState st = s.ensureRunning(heard::add);

        assertThat(st.phase()).isEqualTo(Phase.READY);
        assertThat(st.startedByUs()).isTrue();
        assertThat(st.mode()).isEqualTo(Mode.STANDIN);
        assertThat(st.kind()).isEqualTo(ServerKind.STANDIN);
        assertThat(ProcessHandle.of(st.pid())).isPresent();
        assertThat(heard)
                .extracting(Notice::code)
                .containsSubsequence("detect.start", "start.standin", "ready.started");
        assertThat(heard)
                .as("that TalkHost looks for a running AllTalk is said once (by detection), not twice")
                .filteredOn(n -> n.code().equals("detect.start"))
                .hasSize(1);
        assertThat(heard)
                .filteredOn(n -> n.code().equals("start.standin"))
                .first()
                .extracting(Notice::text)
                .asString()
                .startsWith("Starting AllTalk (the built-in stand-in) on port " + rig.port
                        + ". This usually takes about 3 seconds.");
        // the port went through the write-back path, into the stand-in's own AllTalk folder
        assertThat(rig.ports.persistedDirs).containsExactly(rig.files.standinDir());
        assertThat(rig.files.standinDir().resolve("confignew.json")).content().contains("\"api_port_number\"");
        // the child's output went to the server log, with TalkHost's environment additions
        String log = rig.serverLogText();
        assertThat(log)
                .contains("TalkHost: starting")
                .contains("--port " + rig.port)
                .contains("listening on 127.0.0.1:" + rig.port);
        if (System.getenv("MKL_THREADING_LAYER") == null) {
            assertThat(log).contains("env MKL_THREADING_LAYER=GNU");
        }
        assertThat(log).contains("cwd " + rig.files.standinDir());
        // a pid file so that a later Supervisor adopts it as its own
        assertThat(new PidFile(rig.files.pidFile()).read())
                .get()
                .satisfies(e -> assertThat(e.pid()).isEqualTo(st.pid()));
        assertThat(rig.oplog)
                .anyMatch(l -> l.contains("Started AllTalk (the built-in stand-in) with pid " + st.pid()))
                .anyMatch(l -> l.contains("Port choice: " + rig.port))
                .anyMatch(l -> l.contains("is ready on 127.0.0.1:" + rig.port));
        assertThat(rig.events)
                .extracting(e -> e.getTopic())
                .contains(
                        "org/talkhost/process/DETECTING",
                        "org/talkhost/process/STARTING",
                        "org/talkhost/process/READY");
        assertThat(home.resolve("runtime/start-times.properties")).content().contains("standin-v2=");
    }

    @Test
    void aSecondCallerJoinsTheStartInProgressAndNothingStartsTwice() throws Exception {
        rig.settings.put("standinArgs", "--load-ms 1500");
        SupervisorImpl s = rig.supervisor();

        CompletableFuture<RunState> first = CompletableFuture.supplyAsync(() -> s.ensureRunning(null));
        await().atMost(Duration.ofSeconds(10)).until(() -> s.state().phase() == Phase.STARTING);
        RunState second = s.ensureRunning(null);

        assertThat(second.phase()).isEqualTo(Phase.READY);
        assertThat(first.get().pid()).isEqualTo(second.pid());
        assertThat(rig.ports.chosen).hasValue(1);
        assertThat(rig.noticeCodes().stream().filter("start.standin"::equals)).hasSize(1);
        assertThat(s.ensureRunning(null).pid()).as("idempotent once ready").isEqualTo(second.pid());
    }

    @Test
    void activationBringsAllTalkUpByItself() {
        SupervisorImpl s = rig.activated();

        await().atMost(Duration.ofSeconds(20)).until(() -> s.state().ready());
        assertThat(s.state().startedByUs()).isTrue();
    }

    @Test
    void externalModeNeverStartsAndConnectsWhenTheServerAppears() throws Exception {
        rig.settings.put("mode", "external");
        rig.settings.put("port", rig.port);
        SupervisorImpl s = rig.supervisor();

        CompletableFuture<RunState> waiting = CompletableFuture.supplyAsync(() -> s.ensureRunning(null));
        await().atMost(Duration.ofSeconds(10)).until(() -> s.state().phase() == Phase.STARTING);
        assertThat(s.state().explanation()).contains("In external mode TalkHost never starts AllTalk itself");
        Process server = startFakeServerDirectly(rig.port);
        try {
            RunState st = waiting.get();
            assertThat(st.phase()).isEqualTo(Phase.READY);
            assertThat(st.startedByUs()).isFalse();
            assertThat(rig.ports.chosen).hasValue(0);
            assertThat(rig.serverLog()).doesNotExist();
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void anAllTalkOnAnotherMachineIsUsedButNeverStoppedAndPeopleAreToldSo() throws Exception {
        rig.settings.put("mode", "external");
        rig.settings.put("host", "gpu-box.example");
        Process bystander = new ProcessBuilder("sleep", "60").start(); // a program here on the same port number
        try {
            rig.detector.answer = () ->
                    FakeDetector.found(Conclusion.READY, "gpu-box.example", rig.port, ServerKind.V2, bystander.pid());
            SupervisorImpl s = rig.supervisor();

            RunState st = s.ensureRunning(null);
            String stopped = s.stop(null);

            assertThat(st.phase()).isEqualTo(Phase.READY);
            assertThat(st.explanation())
                    .isEqualTo("AllTalk v2 answers on gpu-box.example:" + rig.port + ", on another machine. TalkHost "
                            + "checks it and sends it requests, but never starts or stops it; if it stops answering, "
                            + "TalkHost connects again once it is back.");
            assertThat(stopped)
                    .startsWith("AllTalk at gpu-box.example:" + rig.port + " runs on another machine, so TalkHost "
                            + "does not stop it");
            assertThat(s.state().phase()).as("not used until alltalk:start").isEqualTo(Phase.STOPPED);
            assertThat(bystander.isAlive())
                    .as("nothing on this machine was stopped")
                    .isTrue();
        } finally {
            bystander.destroyForcibly().waitFor();
        }
    }

    @Test
    void anotherTalkHostHoldingTheLockMeansNoSecondStart() throws Exception {
        rig.settings.put("readyTimeoutSeconds", 2);
        InstanceLock other = new InstanceLock(rig.files.lockFile());
        assertThat(other.tryOnce()).isTrue();
        try {
            SupervisorImpl s = rig.supervisor();
            RunState st = s.ensureRunning(null);

            assertThat(st.phase()).isEqualTo(Phase.FAILED);
            assertThat(st.explanation()).contains("Another TalkHost kept starting AllTalk");
            assertThat(rig.noticeCodes()).contains("lock.wait");
            assertThat(rig.ports.chosen).hasValue(0);
            assertThat(rig.serverLog()).doesNotExist();
        } finally {
            other.release();
        }
    }

    @Test
    void whileAnotherTalkHostStartsItTheSecondWaitsAndAdoptsItsAllTalk() throws Exception {
        InstanceLock other = new InstanceLock(rig.files.lockFile());
        assertThat(other.tryOnce()).isTrue();
        try {
            SupervisorImpl s = rig.supervisor();
            CompletableFuture<RunState> waiting = CompletableFuture.supplyAsync(() -> s.ensureRunning(null));
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.noticeCodes().contains("lock.wait"));
            rig.detector.answer = () -> FakeDetector.found(Conclusion.READY, rig.port, ServerKind.STANDIN, 0);
            Process server = startFakeServerDirectly(rig.port);
            try {
                RunState st = waiting.get();
                assertThat(st.phase()).isEqualTo(Phase.READY);
                assertThat(st.startedByUs()).isFalse();
                assertThat(rig.ports.chosen).hasValue(0);
            } finally {
                server.destroyForcibly().waitFor();
            }
        } finally {
            other.release();
        }
    }

    @Test
    void aMissingStandInJarIsExplainedInPlainWords() throws Exception {
        Files.delete(rig.files.standinJar());
        RunState st = rig.supervisor().ensureRunning(null);

        assertThat(st.phase()).isEqualTo(Phase.FAILED);
        assertThat(st.explanation()).contains("its program file is missing").contains("./mvnw install");
    }

    @Test
    void noFreePortIsExplained() {
        rig.ports.offers.clear();
        rig.ports.last = 0;
        RunState st = rig.supervisor().ensureRunning(null);

        assertThat(st.phase()).isEqualTo(Phase.FAILED);
        assertThat(st.explanation()).contains("none of its ports is free").contains("7851 and 7852 are taken");
    }

    @Test
    void aPortTakenJustBeforeTheStartIsChosenAgain() throws Exception {
        int second = Rig.freePort();
        rig.ports.offers.add(second);
        rig.ports.stillFreeAnswers.add(false);
        RunState st = rig.supervisor().ensureRunning(null);

        assertThat(st.phase()).isEqualTo(Phase.READY);
        assertThat(st.address().port()).isEqualTo(second);
        assertThat(rig.noticeCodes()).contains("port.taken.again");
    }

    @Test
    void aLoadingAllTalkIsWaitedForInsteadOfStartingASecond() throws Exception {
        Process other = startFakeServerDirectly(rig.port, "1500");
        rig.detector.answer = () -> FakeDetector.found(Conclusion.LOADING, rig.port, ServerKind.V2, other.pid());
        try {
            List<Notice> heard = new CopyOnWriteArrayList<>();
            RunState st = rig.supervisor().ensureRunning(heard::add);

            assertThat(st.phase()).isEqualTo(Phase.READY);
            assertThat(st.pid()).isEqualTo(other.pid());
            assertThat(st.startedByUs()).isFalse();
            assertThat(heard).extracting(Notice::code).containsSubsequence("adopt.loading", "ready.adopted");
            assertThat(rig.ports.chosen).hasValue(0);
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void anAdoptedAllTalkThatNeverAnswersIsLeftAloneAndExplained() throws Exception {
        rig.settings.put("readyTimeoutSeconds", 1);
        try (java.net.ServerSocket silent =
                new java.net.ServerSocket(rig.port, 10, java.net.InetAddress.getLoopbackAddress())) {
            rig.client.hung = true;
            rig.detector.answer = () -> FakeDetector.found(Conclusion.UNRESPONSIVE, rig.port, ServerKind.V1, 0);
            RunState st = rig.supervisor().ensureRunning(null);

            assertThat(st.phase()).isEqualTo(Phase.FAILED);
            assertThat(st.explanation())
                    .contains("was not ready after")
                    .contains("leaves it running")
                    .contains("alltalk:restart");
            assertThat(rig.noticeCodes()).contains("adopt.unresponsive");
            assertThat(rig.ports.chosen).hasValue(0);
        }
    }

    @Test
    void aBlockingDoctorFindingStopsAManagedStartWithItsPlainMessage() throws Exception {
        Path install = Files.createDirectories(home.resolve("alltalk"));
        Files.writeString(install.resolve("tts_server.py"), "");
        Path python = Files.createDirectories(install.resolve("alltalk_environment/env/bin"))
                .resolve("python");
        Files.writeString(python, "#!/bin/sh\nexit 0\n");
        python.toFile().setExecutable(true);
        rig.settings.put("installDir", install.toString());
        rig.settings.put("mode", "managed");
        SupervisorImpl s = rig.supervisor();
        s.doctor = blockingDoctor();

        RunState st = s.ensureRunning(null);

        assertThat(st.phase()).isEqualTo(Phase.FAILED);
        assertThat(st.explanation())
                .startsWith("TalkHost can't start AllTalk yet.")
                .contains("AllTalk's Python has no TTS package.")
                .contains("Run the AllTalk installer again.")
                .contains("alltalk:start");
        assertThat(rig.serverLog()).doesNotExist();
    }

    @Test
    void theStandInNeverWaitsForPythonChecks() {
        SupervisorImpl s = rig.supervisor();
        s.doctor = blockingDoctor();

        assertThat(s.ensureRunning(null).phase()).isEqualTo(Phase.READY);
    }

    private static org.talkhost.api.environment.Doctor blockingDoctor() {
        return fresh -> new org.talkhost.api.environment.DoctorReport(
                List.of(new org.talkhost.api.environment.CheckResult(
                        "python.packages",
                        "Python packages",
                        org.talkhost.api.environment.CheckStatus.FAIL,
                        "AllTalk's Python has no TTS package.",
                        "Run the AllTalk installer again.",
                        true,
                        Duration.ZERO)),
                Duration.ZERO);
    }

    private Process startFakeServerDirectly(int port) throws Exception {
        return startFakeServerDirectly(port, "0");
    }

    private Process startFakeServerDirectly(int port, String loadMs) throws Exception {
        Process p = new ProcessBuilder(
                        HostFiles.currentJava(),
                        "-jar",
                        rig.files.standinJar().toString(),
                        "--port",
                        Integer.toString(port),
                        "--load-ms",
                        loadMs,
                        "--max-life-s",
                        "60")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        rig.track(p.pid());
        return p;
    }
}
