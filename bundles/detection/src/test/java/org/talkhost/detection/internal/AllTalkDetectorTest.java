package org.talkhost.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.talkhost.api.detection.Conclusion;
import org.talkhost.api.detection.Detection;
import org.talkhost.api.detection.Endpoint;
import org.talkhost.api.detection.ReadyState;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.detection.ServerProcess;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.notice.Notice;

class AllTalkDetectorTest {
    private final List<RawProcess> processes = new CopyOnWriteArrayList<>();
    private final List<Notice> heard = new CopyOnWriteArrayList<>();
    private final List<Event> posted = new CopyOnWriteArrayList<>();
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private AllTalkDetectorImpl detector;

    @TempDir
    Path temp;

    @AfterEach
    void tearDown() throws Exception {
        if (detector != null) {
            detector.stop();
        }
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private AllTalkDetectorImpl detector(int... ports) {
        detector = new AllTalkDetectorImpl(
                TestSettings.with("ports", ports, "healthTimeoutSeconds", 0.4), () -> List.copyOf(processes));
        detector.events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                posted.add(event);
            }
        };
        detector.operationsLog = (level, message, args) -> operations.add(level + " " + message + " " + List.of(args));
        return detector;
    }

    private <T extends AutoCloseable> T started(T server) {
        toClose.add(server);
        return server;
    }

    private RawProcess standinProcess(long pid, int port) {
        return new RawProcess(
                pid,
                1,
                "/tmp",
                "java",
                "-jar",
                "/opt/alltalk-standin.jar",
                "--flavor",
                "v2",
                "--port",
                String.valueOf(port));
    }

    @Test
    void nothingRunningSaysSoAndTellsEveryone() throws Exception {
        int a = FakeAllTalk.freePort();
        int b = FakeAllTalk.freePort();
        AllTalkDetectorImpl d = detector(a, b);
        Metrics metrics = mock(Metrics.class);
        d.metrics = metrics;

        Detection result = d.detect(heard::add);

        assertThat(result.conclusion()).isEqualTo(Conclusion.NONE);
        assertThat(result.chosen()).isEmpty();
        assertThat(result.summary()).startsWith("AllTalk isn't running yet.").contains(a + " or " + b);
        assertThat(heard)
                .extracting(Notice::text)
                .containsExactly("Checking if AllTalk is already running on your computer...", result.summary());
        assertThat(posted)
                .extracting(Notice::fromEvent)
                .extracting(Notice::text)
                .containsExactly(heard.get(0).text(), heard.get(1).text());
        assertThat(operations).singleElement().asString().contains("Detection", "NONE");
        verify(metrics).record(eq("detection.detect"), any(Duration.class), eq(true));
    }

    @Test
    void oneReadyAllTalkIsChosenAndAnnounced() throws Exception {
        FakeAllTalk v1 = started(FakeAllTalk.v1());
        int other = FakeAllTalk.freePort();

        Detection result = detector(other, v1.port()).detect(heard::add);

        assertThat(result.conclusion()).isEqualTo(Conclusion.READY);
        assertThat(result.chosen())
                .get()
                .extracting(Endpoint::port, Endpoint::kind)
                .containsExactly(v1.port(), ServerKind.V1);
        assertThat(result.summary()).isEqualTo("Found AllTalk running on port " + v1.port() + ", connecting now...");
        assertThat(heard).last().extracting(Notice::level).isEqualTo(Notice.Level.INFO);
    }

    @Test
    void aV2ParentWithItsChildServingThePortIsOneServerNotADuplicate() throws Exception {
        FakeAllTalk v2 = started(FakeAllTalk.v2());
        Path dir = Files.createDirectories(temp.resolve("alltalk_tts"));
        processes.add(new RawProcess(5000, 1, dir.toString(), "python", "script.py"));
        processes.add(new RawProcess(5001, 5000, dir.toString(), "python", "tts_server.py"));

        Detection result = detector(v2.port()).detect(heard::add);

        assertThat(result.conclusion()).isEqualTo(Conclusion.READY);
        assertThat(result.processes())
                .singleElement()
                .satisfies(p -> assertThat(p.pid()).isEqualTo(5000));
        assertThat(result.chosenProcess()).get().extracting(p -> p.pid()).isEqualTo(5000L);
    }

    @Test
    void anAllTalkProcessWhosePortRefusesIsLoading() throws Exception {
        int port = FakeAllTalk.freePort();
        processes.add(standinProcess(5100, port));

        Detection result = detector(port).detect(heard::add);

        assertThat(result.conclusion()).isEqualTo(Conclusion.LOADING);
        assertThat(result.chosen())
                .get()
                .extracting(Endpoint::port, Endpoint::kind, Endpoint::ready)
                .containsExactly(port, ServerKind.STANDIN, ReadyState.REFUSED);
        assertThat(result.summary())
                .contains(
                        "program 5100",
                        "isn't answering on port " + port + " yet",
                        "wait for it rather than start a second one");
    }

    @Test
    void aV1StartedWithoutAPortIsLoadingOnTheFirstCandidate() throws Exception {
        int first = FakeAllTalk.freePort();
        int second = FakeAllTalk.freePort();
        Path dir = Files.createDirectories(temp.resolve("alltalk_tts"));
        processes.add(new RawProcess(5200, 1, dir.toString(), "python", "tts_server.py"));

        Detection result = detector(first, second).detect(heard::add);

        assertThat(result.conclusion()).isEqualTo(Conclusion.LOADING);
        assertThat(result.chosen())
                .get()
                .extracting(Endpoint::port, Endpoint::kind)
                .containsExactly(first, ServerKind.V1);
    }

    @Test
    void v2WithoutAModelIsLoading() throws Exception {
        FakeAllTalk v2 = started(FakeAllTalk.v2Unloaded());

        Detection result = detector(v2.port()).detect(heard::add);

        assertThat(result.conclusion()).isEqualTo(Conclusion.LOADING);
        assertThat(result.summary()).contains("no voice model loaded");
    }

    @Test
    void aSilentPortIsUnresponsiveAndTheDetectionStillEndsInTime() throws Exception {
        ServerSocket silent = started(FakeAllTalk.silent());

        Detection result = detector(silent.getLocalPort()).detect(heard::add);

        assertThat(result.conclusion()).isEqualTo(Conclusion.UNRESPONSIVE);
        assertThat(result.endpoints())
                .singleElement()
                .extracting(Endpoint::ready)
                .isEqualTo(ReadyState.TIMEOUT);
        assertThat(result.took()).isLessThan(Duration.ofMillis(1500));
        assertThat(result.summary()).contains("didn't answer within 0.4 seconds");
        assertThat(heard).last().extracting(Notice::level).isEqualTo(Notice.Level.WARNING);
    }

    @Test
    void onlyAnotherProgramOnTheCandidatePortIsForeign() throws Exception {
        FakeAllTalk other = started(FakeAllTalk.foreign());

        Detection result = detector(other.port(), FakeAllTalk.freePort()).detect(heard::add);

        assertThat(result.conclusion()).isEqualTo(Conclusion.FOREIGN);
        assertThat(result.chosen()).isEmpty();
        assertThat(result.summary())
                .startsWith("Another program, not AllTalk, is using port " + other.port() + " (it answered HTTP 404");
    }

    @Test
    void twoAllTalksAreADuplicateUsingTheReadyOneOnTheFirstPortAndSayingHowToStopTheOther() throws Exception {
        FakeAllTalk first = started(FakeAllTalk.standin());
        FakeAllTalk second = started(FakeAllTalk.v2());
        processes.add(standinProcess(6001, first.port()));
        processes.add(standinProcess(6002, second.port()));

        Detection result = detector(first.port(), second.port()).detect(heard::add);

        assertThat(result.conclusion()).isEqualTo(Conclusion.DUPLICATE);
        assertThat(result.chosen()).get().extracting(Endpoint::port).isEqualTo(first.port());
        assertThat(result.summary())
                .contains(
                        "2 AllTalk servers",
                        "use the one on port " + first.port(),
                        "port " + second.port() + " (program 6002), stop it with: kill 6002")
                .doesNotContain("kill 6001");
        assertThat(operations).singleElement().asString().startsWith("WARNING");
    }

    @Test
    void aReadyServerIsPreferredToALoadingOneOnAnEarlierPort() throws Exception {
        int loadingPort = FakeAllTalk.freePort();
        FakeAllTalk ready = started(FakeAllTalk.v1());
        processes.add(standinProcess(6101, loadingPort));

        Detection result = detector(loadingPort, ready.port()).detect(heard::add);

        assertThat(result.conclusion()).isEqualTo(Conclusion.DUPLICATE);
        assertThat(result.chosen()).get().extracting(Endpoint::port).isEqualTo(ready.port());
        assertThat(result.summary()).contains("kill 6101");
    }

    @Test
    void aProcessOnAPortOutsideTheCandidatesIsProbedToo() throws Exception {
        FakeAllTalk v2 = started(FakeAllTalk.v2());
        processes.add(standinProcess(6201, v2.port()));

        Detection result = detector(FakeAllTalk.freePort()).detect(heard::add);

        assertThat(result.conclusion()).isEqualTo(Conclusion.READY);
        assertThat(result.chosen()).get().extracting(Endpoint::port).isEqualTo(v2.port());
    }

    @Test
    void probeAndProcessesWorkAlone() throws Exception {
        FakeAllTalk v1 = started(FakeAllTalk.v1());
        processes.add(standinProcess(6301, 1234));
        processes.add(new RawProcess(ProcessHandle.current().pid(), 1, "/", "java", "-jar", "alltalk-standin.jar"));
        AllTalkDetectorImpl d = detector(v1.port());

        assertThat(d.probe("127.0.0.1", v1.port()).ready()).isEqualTo(ReadyState.READY);
        assertThat(d.processes())
                .extracting(p -> p.pid())
                .as("TalkHost's own pid is left out")
                .containsExactly(6301L);
        assertThat(heard).isEmpty();
    }

    @Test
    void aBrokenProcessListStillLeavesThePortProbe() throws Exception {
        FakeAllTalk v1 = started(FakeAllTalk.v1());
        detector = new AllTalkDetectorImpl(TestSettings.with("ports", new int[] {v1.port()}), () -> {
            throw new IllegalStateException("no JNA");
        });

        assertThat(detector.detect(heard::add).conclusion()).isEqualTo(Conclusion.READY);
    }

    @Test
    void theConfiguredPortComesFirstThenTheCandidates() {
        assertThat(AllTalkDetectorImpl.candidates(
                        TestSettings.with("port", 7900, "ports", new int[] {7851, 7900, 7852})))
                .containsExactly(7900, 7851, 7852);
        assertThat(AllTalkDetectorImpl.candidates(TestSettings.with("ports", new int[0])))
                .containsExactly(7851, 7852);
    }

    @Test
    void anAllTalkOnAnotherMachineIsNeverTakenForAProgramOnThisOne() throws Exception {
        processes.add(standinProcess(4242, 7851)); // a local AllTalk on the same port number
        AllTalkDetectorImpl local = new AllTalkDetectorImpl(
                TestSettings.with("ports", new int[] {7851}, "host", "127.0.0.1"), () -> List.copyOf(processes));
        AllTalkDetectorImpl remote = new AllTalkDetectorImpl(
                TestSettings.with("ports", new int[] {7851}, "host", "gpu-box.example"), () -> List.copyOf(processes));
        try {
            assertThat(local.processes()).extracting(ServerProcess::pid).containsExactly(4242L);
            assertThat(remote.processes())
                    .as("no process here is the AllTalk on gpu-box.example: none may be watched or stopped for it")
                    .isEmpty();
        } finally {
            local.stop();
            remote.stop();
        }
    }

    @Test
    void aDetectionOnThisMachineLooksAtItsProgramsWhicheverHostIsConfigured() throws Exception {
        int port = FakeAllTalk.freePort();
        processes.add(standinProcess(5200, port));
        detector = new AllTalkDetectorImpl(
                TestSettings.with("ports", new int[] {port}, "host", "gpu-box.example"), () -> List.copyOf(processes));

        Detection result = detector.detect("127.0.0.1", List.of(port), heard::add);

        assertThat(result.conclusion())
                .as("the stand-in program on this machine holds the port, so it is loading, not absent")
                .isEqualTo(Conclusion.LOADING);
        assertThat(result.processes()).extracting(ServerProcess::pid).containsExactly(5200L);
        assertThat(heard)
                .first()
                .extracting(Notice::text)
                .isEqualTo("Checking if AllTalk is already running on your computer...");
    }

    @Test
    void nothingAnsweringOnAnotherMachineSaysToStartItThere() {
        List<Endpoint> refused = List.of(
                new Endpoint("gpu-box.example", 7851, ServerKind.NONE, ReadyState.REFUSED, Duration.ZERO, "refused"),
                new Endpoint("gpu-box.example", 7852, ServerKind.NONE, ReadyState.REFUSED, Duration.ZERO, "refused"));

        Verdict remote = Verdict.decide(
                "gpu-box.example", ProcessScan.EMPTY, refused, Duration.ofSeconds(1), DetectionCatalog.TEXT);
        Verdict local =
                Verdict.decide("127.0.0.1", ProcessScan.EMPTY, refused, Duration.ofSeconds(1), DetectionCatalog.TEXT);

        assertThat(remote.conclusion()).isEqualTo(Conclusion.NONE);
        assertThat(remote.notice().text())
                .contains("gpu-box.example", "7851 or 7852", "another machine", "started there")
                .doesNotContain("no AllTalk program is running");
        assertThat(local.notice().text())
                .contains("no AllTalk program is running")
                .doesNotContain("another machine");
    }
}
