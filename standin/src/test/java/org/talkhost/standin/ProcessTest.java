package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in as a real process: exit codes, the bind error line, signals, the command line. */
class ProcessTest {

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        for (Process p : started) {
            p.destroyForcibly();
        }
    }

    private Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out-" + started.size() + ".log").toFile())
                .start();
        started.add(p);
        return p;
    }

    private String output(int index) throws IOException {
        return Files.readString(dir.resolve("out-" + index + ".log"));
    }

    private String[] standard(int port, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--flavor",
                "v1",
                "--dir",
                dir.resolve("alltalk").toString(),
                "--port",
                Integer.toString(port),
                "--load-seconds",
                "0",
                "--no-espeak"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static boolean ready(int port) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ready"))
                                    .timeout(Duration.ofSeconds(1))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return "Ready".equals(r.body());
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void aTakenPortGivesErrno98AndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Process p = launch(standard(taken.getLocalPort()));
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(output(0))
                    .contains("[Errno 98] error while attempting to bind on address ('127.0.0.1', "
                            + taken.getLocalPort() + "): address already in use");
        }
    }

    @Test
    void sigtermStopsPromptlyWithExitCode0AndPrintsThePid() throws Exception {
        int port = PortRulesTest.freePort();
        Process p = launch(standard(port));
        await().atMost(Duration.ofSeconds(20)).until(() -> ready(port));
        assertThat(output(0)).contains("process id " + p.pid());
        p.destroy();
        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(ready(port)).isFalse();
    }

    @Test
    void crashAfterRequestsExitsWithCode3AndATraceback() throws Exception {
        int port = PortRulesTest.freePort();
        Process p = launch(standard(port, "--crash-after-requests", "1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> ready(port) || !p.isAlive());
        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(3);
        assertThat(output(0)).contains("Traceback (most recent call last):").contains("RuntimeError");
    }

    @Test
    void exitDuringLoadExitsWithCode1BeforeListening() throws Exception {
        Process p = launch(standard(PortRulesTest.freePort(), "--exit-during-load"));
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(output(0)).contains("No module named 'TTS'").doesNotContain("Server Ready");
    }

    @Test
    void helpListsTheOptionsAndABadCommandLineExits2() throws Exception {
        Process help = launch("--help");
        assertThat(help.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(output(0))
                .contains("--flavor v1|v2")
                .contains("--crash-after-requests")
                .contains("/_standin/fault");
        Process bad = launch("--flavor", "v3", "--dir", dir.toString());
        assertThat(bad.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(output(1)).contains("--flavor must be v1 or v2");
    }
}
