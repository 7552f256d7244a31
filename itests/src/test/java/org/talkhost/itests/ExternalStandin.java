package org.talkhost.itests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A stand-in AllTalk started by the test itself, outside any TalkHost (as a user would start AllTalk). */
final class ExternalStandin implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;

    private ExternalStandin(int port, List<String> extra) throws IOException {
        this.port = port;
        this.dir = Files.createTempDirectory("alltalk-external");
        List<String> command = new ArrayList<>(List.of(
                HostProcess.java(),
                "-jar",
                TalkHostExam.source()
                        .resolve("standin/target/alltalk-standin.jar")
                        .toString(),
                "--flavor",
                "v2",
                "--dir",
                dir.toString(),
                "--port",
                Integer.toString(port),
                "--load-seconds",
                "0"));
        command.addAll(extra);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.txt").toFile())
                .start();
    }

    /** Starts it on {@code port} and waits until it answers Ready. */
    static ExternalStandin start(int port, String... extra) {
        try {
            ExternalStandin s = new ExternalStandin(port, List.of(extra));
            try {
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(50))
                        .alias("the external stand-in answers Ready on " + port)
                        .until(() -> "Ready".equals(LocalHttp.get(port, "/api/ready")));
            } catch (RuntimeException | AssertionError e) {
                s.close();
                throw e;
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                StandinProcesses.killTree(process.toHandle());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            StandinProcesses.killTree(process.toHandle());
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
