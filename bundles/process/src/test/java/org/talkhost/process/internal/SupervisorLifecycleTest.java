package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.talkhost.api.detection.Conclusion;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;

class SupervisorLifecycleTest extends WithRig {
    @Test
    void aOneShotRunStartsAllTalkOnlyWhenACommandNeedsIt() {
        SupervisorImpl s = rig.supervisor();
        s.oneShot = true;
        s.activate();

        await().during(Duration.ofMillis(700))
                .atMost(Duration.ofSeconds(2))
                .alias("a one-shot look (lb, ports, doctor) neither detects nor starts AllTalk")
                .until(() -> rig.detector.calls.get() == 0 && s.state().pid() == 0);
        RunState st = s.ensureRunning(null); // status, say, voices, start
        assertThat(st.ready()).as(st.explanation()).isTrue();
        assertThat(rig.detector.calls.get()).isPositive();
    }

    @Test
    void whenTheHostStopsItStopsTheAllTalkItStartedWithItsHelpers() {
        rig.settings.put("standinArgs", "--spawn-helper");
        SupervisorImpl s = rig.supervisor();
        RunState st = s.ensureRunning(null);
        ProcessHandle server = ProcessHandle.of(st.pid()).orElseThrow();
        List<ProcessHandle> helpers = server.descendants().toList();
        assertThat(helpers).isNotEmpty();

        rig.frameworkStopping = true;
        s.deactivate();

        assertThat(Liveness.running(server)).isFalse();
        assertThat(helpers).noneMatch(Liveness::running);
        assertThat(rig.files.pidFile()).doesNotExist();
        assertThat(rig.oplog).anyMatch(l -> l.contains("TalkHost is stopping: stopped"));
    }

    @Test
    void whenTheHostStopsItLeavesAnAdoptedAllTalkRunning() throws Exception {
        Process other = new ProcessBuilder(
                        HostFiles.currentJava(),
                        "-jar",
                        rig.files.standinJar().toString(),
                        "--port",
                        Integer.toString(rig.port),
                        "--load-ms",
                        "0",
                        "--max-life-s",
                        "60")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true)
                .start();
        rig.track(other.pid());
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            ReadyWaiter.portOpen(new org.talkhost.api.config.ServerAddress("127.0.0.1", rig.port)));
            rig.detector.answer = () -> FakeDetector.found(Conclusion.READY, rig.port, ServerKind.STANDIN, other.pid());
            SupervisorImpl s = rig.supervisor();
            RunState st = s.ensureRunning(null);
            assertThat(st.startedByUs()).isFalse();
            assertThat(st.pid()).isEqualTo(other.pid());

            rig.frameworkStopping = true;
            s.deactivate();

            assertThat(other.isAlive()).isTrue();
            assertThat(rig.oplog)
                    .anyMatch(l ->
                            l.contains("leaves AllTalk (the built-in stand-in) on 127.0.0.1:" + rig.port + " running"));
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void aBundleSwapDetachesAndTheNextSupervisorAdoptsTheSameServer() {
        SupervisorImpl before = rig.supervisor();
        RunState st = before.ensureRunning(null);

        rig.frameworkStopping = false;
        before.deactivate();

        assertThat(ProcessHandle.of(st.pid()).filter(Liveness::running))
                .as("AllTalk keeps running")
                .isPresent();
        assertThat(rig.files.pidFile()).exists();
        assertThat(rig.oplog).anyMatch(l -> l.startsWith("INFO Detaching from"));

        rig.detector.answer = () -> FakeDetector.found(Conclusion.READY, rig.port, ServerKind.STANDIN, st.pid());
        SupervisorImpl after = rig.supervisor();
        RunState adopted = after.ensureRunning(null);

        assertThat(adopted.phase()).isEqualTo(Phase.READY);
        assertThat(adopted.pid()).isEqualTo(st.pid());
        assertThat(adopted.startedByUs())
                .as("the pid file says this TalkHost started it")
                .isTrue();
        assertThat(adopted.explanation()).contains("that TalkHost started earlier is still running");
        assertThat(rig.ports.chosen).as("no second start").hasValue(1);

        // and it is looked after as our own: a crash restarts it
        ProcessHandle.of(st.pid()).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> after.state().ready() && after.state().pid() != st.pid());
    }

    @Test
    void aRestartedTalkHostAdoptsItsAllTalkThroughThePidFileEvenBeforeDetectionSeesIt() {
        SupervisorImpl before = rig.supervisor();
        RunState st = before.ensureRunning(null);
        before.deactivate();

        SupervisorImpl after = rig.supervisor();
        RunState adopted = after.ensureRunning(null);

        assertThat(adopted.phase()).isEqualTo(Phase.READY);
        assertThat(adopted.pid()).isEqualTo(st.pid());
        assertThat(adopted.startedByUs()).isTrue();
    }

    @Test
    void aStalePidFileIsRemoved() throws Exception {
        new PidFile(rig.files.pidFile())
                .write(new PidFile.Entry(
                        Integer.MAX_VALUE - 7,
                        java.time.Instant.now(),
                        new org.talkhost.api.config.ServerAddress("127.0.0.1", rig.port),
                        org.talkhost.api.config.Mode.STANDIN,
                        ServerKind.STANDIN));

        RunState st = rig.supervisor().ensureRunning(null);

        assertThat(st.ready()).isTrue();
        assertThat(rig.oplog).anyMatch(l -> l.contains("Removed a stale pid file"));
        assertThat(new PidFile(rig.files.pidFile()).read())
                .get()
                .satisfies(e -> assertThat(e.pid()).isEqualTo(st.pid()));
    }

    @Test
    void stopEndsTheWholeTreeAndNothingRestartsItAfterwards() {
        rig.settings.put("standinArgs", "--spawn-helper");
        SupervisorImpl s = rig.supervisor();
        RunState st = s.ensureRunning(null);
        ProcessHandle server = ProcessHandle.of(st.pid()).orElseThrow();
        List<ProcessHandle> helpers = server.descendants().toList();

        String said = s.stop(null);

        assertThat(said)
                .startsWith("AllTalk has stopped (2 processes ended, none left")
                .contains("alltalk:start");
        assertThat(Liveness.running(server)).isFalse();
        assertThat(helpers).noneMatch(Liveness::running);
        assertThat(s.state().phase()).isEqualTo(Phase.STOPPED);
        s.recover("health says down");
        assertThat(s.state().phase()).isEqualTo(Phase.STOPPED);
        assertThat(rig.files.pidFile()).doesNotExist();

        RunState again = s.start(null);
        assertThat(again.ready()).isTrue();
    }

    @Test
    void aServerSlowToEndIsForcedAfterTheGracePeriod() {
        rig.tuning.put("stopGraceSeconds", 1);
        rig.settings.put("standinArgs", "--slow-term-ms 30000");
        SupervisorImpl s = rig.supervisor();
        RunState st = s.ensureRunning(null);

        String said = s.stop(null);

        assertThat(said).contains("1 process had to be forced after 1 second");
        assertThat(ProcessHandle.of(st.pid()).filter(Liveness::running)).isEmpty();
    }

    @Test
    void resourcesOfTheRunningTreeAreSampled() {
        SupervisorImpl s = rig.supervisor();
        RunState st = s.ensureRunning(null);

        assertThat(s.resources()).get().satisfies(u -> {
            assertThat(u.pid()).isEqualTo(st.pid());
            assertThat(u.processes()).isGreaterThanOrEqualTo(1);
            assertThat(u.residentBytes()).isGreaterThan(10L * 1024 * 1024);
            assertThat(u.cpuPercent()).isGreaterThanOrEqualTo(0);
        });
    }

    @Test
    void goingOverTheMemoryLimitIsSaidOnceAndOnlyWarnsByDefault() {
        rig.tuning.put("memoryLimitMb", 1L);
        rig.tuning.put("resourceSampleSeconds", 1);
        SupervisorImpl s = rig.activated();
        await().atMost(Duration.ofSeconds(20)).until(() -> s.state().ready());
        long pid = s.state().pid();

        await().atMost(Duration.ofSeconds(10)).until(() -> rig.noticeCodes().contains("limit.memory"));
        await().during(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> rig.noticeCodes().stream()
                                .filter("limit.memory"::equals)
                                .count()
                        == 1);
        assertThat(rig.notices())
                .filteredOn(n -> n.code().equals("limit.memory"))
                .first()
                .extracting(n -> n.text())
                .asString()
                .contains("more than the limit of 1 MB")
                .contains("set restartOnLimit = true");
        assertThat(s.state().pid()).isEqualTo(pid);
    }

    @Test
    void goingOverTheMemoryLimitRestartsWhenAskedTo() {
        rig.tuning.put("memoryLimitMb", 1L);
        rig.tuning.put("resourceSampleSeconds", 1);
        rig.tuning.put("restartOnLimit", true);
        SupervisorImpl s = rig.activated();
        await().atMost(Duration.ofSeconds(20)).until(() -> s.state().ready());
        // the first server: its READY may last only moments when the limit was crossed while it loaded
        long pid = rig.events.stream()
                .filter(e -> e.getTopic().endsWith("/STARTING"))
                .mapToLong(e -> (Long) e.getProperty("pid"))
                .findFirst()
                .orElseThrow();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> s.state().ready() && s.state().pid() != pid);
        assertThat(rig.noticeCodes()).contains("limit.memory", "limit.restarting");
        assertThat(ProcessHandle.of(pid).filter(Liveness::running)).isEmpty();
    }
}
