package org.talkhost.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.detection.ServerProcess;

class ProcessMatcherTest {
    private static final long SELF = 900;

    /** Folders as the matcher would see them on disk. */
    private static final Set<String> FILES = Set.of(
            "/home/ann/alltalk_tts/confignew.json",
            "/home/ann/alltalk_tts/tts_server.py",
            "/home/ann/alltalk_tts/script.py",
            "/srv/tts/v2/confignew.json",
            "/srv/tts/v2/script.py",
            "/srv/tts/v2/tts_server.py",
            "/srv/tts/v2/system/tts_engines",
            "/home/ann/coqui-demo/tts_server.py");

    private static final FolderFacts FACTS =
            (folder, relative) -> FILES.contains(folder.resolve(relative).toString());

    private final ProcessMatcher matcher = new ProcessMatcher(null, FACTS);

    private ProcessScan match(RawProcess... processes) {
        return matcher.match(List.of(processes), SELF);
    }

    @Test
    void relativeTtsServerStartedInsideItsFolderIsAllTalkV1() {
        ProcessScan scan = match(new RawProcess(100, 1, "/home/ann/alltalk_tts", "python", "tts_server.py"));

        assertThat(scan.servers()).singleElement().satisfies(s -> {
            assertThat(s.pid()).isEqualTo(100);
            assertThat(s.kind()).isEqualTo(ServerKind.V1);
            assertThat(s.script()).isEqualTo("tts_server.py");
            assertThat(s.port()).isZero();
            assertThat(s.workingDir()).isEqualTo("/home/ann/alltalk_tts");
        });
    }

    @Test
    void relativeScriptInAFolderNamedAlltalkTtsCountsEvenWhenItsFilesCannotBeRead() {
        ProcessScan scan =
                match(new RawProcess(100, 1, "/opt/alltalk_tts", "/opt/env/bin/python3.11", "-u", "./tts_server.py"));

        assertThat(scan.servers()).extracting(ServerProcess::pid).containsExactly(100L);
    }

    @Test
    void aTtsServerPyOfAnotherProjectIsNotAllTalk() {
        ProcessScan scan = match(
                new RawProcess(100, 1, "/home/ann/coqui-demo", "python3", "tts_server.py", "--port", "7851"),
                new RawProcess(101, 1, "", "python3", "tts_server.py"));

        assertThat(scan.servers()).isEmpty();
    }

    @Test
    void v2ScriptWithItsTtsServerChildIsOneServerReportedAsTheParent() {
        ProcessScan scan = match(
                new RawProcess(200, 1, "/srv/tts/v2", "/srv/tts/v2/alltalk_environment/env/bin/python", "script.py"),
                new RawProcess(
                        201,
                        200,
                        "/srv/tts/v2",
                        "/srv/tts/v2/alltalk_environment/env/bin/python",
                        "tts_server.py",
                        "--port",
                        "7860"));

        assertThat(scan.servers()).singleElement().satisfies(s -> {
            assertThat(s.pid()).isEqualTo(200);
            assertThat(s.kind()).isEqualTo(ServerKind.V2);
            assertThat(s.port()).as("the child's port").isEqualTo(7860);
        });
        assertThat(scan.pidsOf(200)).containsExactly(200L, 201L);
    }

    @Test
    void ttsServerInAV2FolderIsV2() {
        ProcessScan scan = match(new RawProcess(300, 1, "/", "python", "/srv/tts/v2/tts_server.py"));

        assertThat(scan.servers())
                .singleElement()
                .extracting(ServerProcess::kind)
                .isEqualTo(ServerKind.V2);
    }

    @Test
    void theConfiguredInstallFolderCountsWhateverItIsCalled() {
        ProcessMatcher withInstall = new ProcessMatcher(Path.of("/data/voice"), (f, r) -> false);

        ProcessScan scan = withInstall.match(
                List.of(
                        new RawProcess(400, 1, "/data/voice", "python", "script.py"),
                        new RawProcess(401, 1, "/data/other", "python", "script.py")),
                SELF);

        assertThat(scan.servers()).extracting(ServerProcess::pid).containsExactly(400L);
        assertThat(scan.servers().get(0).kind()).isEqualTo(ServerKind.V2);
    }

    @Test
    void uvicornDockerStartIsAllTalk() {
        ProcessScan scan = match(new RawProcess(
                500,
                1,
                "/srv/tts/v2",
                "/usr/bin/python3",
                "/usr/local/bin/uvicorn",
                "tts_server:app",
                "--host",
                "0.0.0.0",
                "--port=7851"));

        assertThat(scan.servers()).singleElement().satisfies(s -> {
            assertThat(s.script()).isEqualTo("uvicorn tts_server:app");
            assertThat(s.port()).isEqualTo(7851);
            assertThat(s.kind()).isEqualTo(ServerKind.V2);
        });
    }

    @Test
    void standInIsFoundByItsMarkerAndKeepsKindStandinWhateverItImitates() {
        ProcessScan scan = match(new RawProcess(
                600,
                1,
                "/tmp",
                "java",
                "-jar",
                "/work/standin/target/alltalk-standin.jar",
                "--flavor",
                "v1",
                "--dir",
                "/tmp/x",
                "--port",
                "7866"));

        assertThat(scan.servers()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(ServerKind.STANDIN);
            assertThat(s.script()).isEqualTo("alltalk-standin");
            assertThat(s.port()).isEqualTo(7866);
        });
    }

    @Test
    void talkHostItselfAndItsAncestorsAreNeverReported() {
        ProcessScan scan = match(
                new RawProcess(800, 1, "/home/ann/talkhost", "bash", "./talkhost", "--standin", "alltalk-standin"),
                new RawProcess(SELF, 800, "/home/ann/talkhost", "java", "-jar", "alltalk-standin-launcher.jar"),
                new RawProcess(901, SELF, "/tmp", "java", "-jar", "alltalk-standin.jar", "--port", "7851"));

        assertThat(scan.servers())
                .as("only TalkHost's child, the stand-in it started")
                .extracting(ServerProcess::pid)
                .containsExactly(901L);
    }

    @Test
    void parentsTheListLeftUnreadAreAskedForOnlyWhereTheMatcherClimbs() {
        long unread = RawProcess.PARENT_UNREAD;
        Map<Long, Long> parents = Map.of(SELF, 850L, 850L, 800L, 210L, 200L, 999L, 1L);
        List<Long> asked = new ArrayList<>();
        ProcessScan scan = matcher.match(
                List.of(
                        // TalkHost's ancestors: a shell and, above it, something named like the stand-in
                        new RawProcess(800, 1, "/home/ann/talkhost", "bash", "./talkhost", "alltalk-standin"),
                        new RawProcess(850, unread, "", "bash"),
                        new RawProcess(SELF, unread, "", "java", "-jar", "talkhost-launcher.jar"),
                        // an AllTalk v2 whose server runs under a shell between the two
                        new RawProcess(
                                200, 1, "/srv/tts/v2", "/srv/tts/v2/alltalk_environment/env/bin/python", "script.py"),
                        new RawProcess(210, unread, "", "sh", "-c", "python tts_server.py"),
                        new RawProcess(
                                220,
                                210,
                                "/srv/tts/v2",
                                "/srv/tts/v2/alltalk_environment/env/bin/python",
                                "tts_server.py",
                                "--port",
                                "7860"),
                        // and a thousand others, in short
                        new RawProcess(999, unread, "", "sleep", "60")),
                SELF,
                pid -> {
                    asked.add(pid);
                    return parents.getOrDefault(pid, 0L);
                });

        assertThat(scan.servers())
                .as("TalkHost's ancestor is not reported; the server under the shell is a helper of its parent")
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.pid()).isEqualTo(200);
                    assertThat(s.port()).isEqualTo(7860);
                });
        assertThat(scan.pidsOf(200)).containsExactly(200L, 220L);
        assertThat(asked)
                .as("read once each, and never for a process nobody climbs through")
                .containsOnly(SELF, 850L, 210L)
                .doesNotHaveDuplicates();
    }

    @Test
    void aPropertyNamingTheStandInJarIsNotTheStandIn() {
        ProcessScan scan = match(new RawProcess(
                700,
                1,
                "/",
                "java",
                "-Dtalkhost.standin.jar=/opt/talkhost/alltalk-standin.jar",
                "-jar",
                "launcher.jar"));

        assertThat(scan.servers()).isEmpty();
    }

    @Test
    void aProgramWithTheStandInJarOnItsClassPathIsNotTheStandIn() {
        ProcessScan scan = match(
                new RawProcess(
                        710,
                        1,
                        "/work",
                        "java",
                        "-cp",
                        "target/classes:/m2/alltalk-standin-0.1.0.jar",
                        "org.talkhost.connection.internal.ReadyLatencyBench"),
                new RawProcess(711, 1, "/work", "java", "--class-path=/m2/alltalk-standin.jar", "some.Tool"),
                new RawProcess(
                        712,
                        1,
                        "/work",
                        "java",
                        "-cp",
                        "/m2/alltalk-standin.jar",
                        "org.talkhost.standin.StandinMain",
                        "--flavor",
                        "v1",
                        "--port",
                        "7870"));

        assertThat(scan.servers())
                .as("only the one running the stand-in's own main class")
                .extracting(ServerProcess::pid)
                .containsExactly(712L);
        assertThat(scan.servers().get(0).port()).isEqualTo(7870);
    }

    @Test
    void otherPythonProgramsAndModulesAreIgnored() {
        ProcessScan scan = match(
                new RawProcess(1000, 1, "/home/ann/alltalk_tts", "python", "-c", "import tts_server"),
                new RawProcess(1001, 1, "/home/ann/alltalk_tts", "python", "finetune.py"),
                new RawProcess(1002, 1, "/home/ann/alltalk_tts", "node", "tts_server.py"),
                new RawProcess(1003, 1, "/home/ann/alltalk_tts"));

        assertThat(scan.servers()).isEmpty();
    }
}
