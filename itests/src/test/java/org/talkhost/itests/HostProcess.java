package org.talkhost.itests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;

/**
 * A real TalkHost: {@code java -jar launcher/target/talkhost-launcher.jar --home HOME ...} as its own
 * process, with its console captured. Closing it stops it by its handle (SIGTERM, then kill) and kills
 * whatever it left below it or in its home.
 */
final class HostProcess implements AutoCloseable {
    private final ScenarioHome home;
    private final Process process;
    private final ConsoleCapture console;
    private final List<ProcessHandle> seenBelow = new ArrayList<>();

    private HostProcess(ScenarioHome home, List<String> options) {
        this.home = home;
        List<String> command = new ArrayList<>(List.of(java(), "-Dtalkhost.home=" + home.dir()));
        String repository = System.getProperty("org.ops4j.pax.url.mvn.localRepository");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local="
                    + repository); // the bundles the build installed, also with -Dmaven.repo.local
        }
        command.addAll(List.of(
                "-jar",
                TalkHostExam.source()
                        .resolve("launcher/target/talkhost-launcher.jar")
                        .toString(),
                "--home",
                home.dir().toString()));
        command.addAll(options);
        try {
            process = new ProcessBuilder(command)
                    .directory(home.dir().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        console = new ConsoleCapture(process.getInputStream(), process.getErrorStream(), "talkhost-" + process.pid());
    }

    /** TalkHost as a service ({@code --no-shell}): notices on stdout. */
    static HostProcess service(ScenarioHome home) {
        return new HostProcess(home, List.of("--no-shell"));
    }

    /** A one-shot run ({@code --exec COMMAND}): the result on stdout, notices on stderr. */
    static HostProcess exec(ScenarioHome home, String command) {
        return new HostProcess(home, List.of("--exec", command));
    }

    static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    ConsoleCapture console() {
        return console;
    }

    /** The first console line after {@code mark} that {@code pattern} finds; fails with the console and host log. */
    ConsoleCapture.Line awaitLine(Pattern pattern, int mark, Duration atMost) {
        return console.awaitLine(pattern, mark, atMost, this::logTail);
    }

    /** The last lines of {@code log/talkhost.log}, for failure messages. */
    String logTail() {
        String[] lines = ScenarioHome.read(home.resolve("log/talkhost.log")).split("\n");
        return "\nlog/talkhost.log (last lines):\n"
                + String.join("\n", Arrays.asList(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }

    /** Waits until {@code log/<file>} has a line that {@code pattern} finds. */
    void awaitLog(String file, Pattern pattern, Duration atMost) {
        try {
            await().atMost(atMost)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> pattern.matcher(ScenarioHome.read(home.resolve("log/" + file)))
                            .find());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "log/" + file + " has no line matching /" + pattern + "/ within " + atMost.toSeconds()
                            + " s. Console:\n" + console.all() + logTail(),
                    e);
        }
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** The stand-in servers this TalkHost runs now (its descendants). */
    List<ProcessHandle> standins() {
        List<ProcessHandle> now = StandinProcesses.below(process.toHandle());
        synchronized (seenBelow) {
            seenBelow.addAll(now);
        }
        return now;
    }

    /** Waits for the exit; returns the exit status, or fails when it takes longer than {@code atMost}. */
    int awaitExit(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("TalkHost did not exit within " + atMost.toSeconds() + " s. Console:\n"
                        + console.all() + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** SIGTERM, as Ctrl-C or a service manager would. */
    void terminate() {
        process.destroy();
    }

    /** Stops it if still running, then kills anything it left (below it, or running from its home). */
    @Override
    public void close() {
        List<ProcessHandle> left = new ArrayList<>(standins());
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    StandinProcesses.killTree(process.toHandle());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (seenBelow) {
            left.addAll(seenBelow);
        }
        left.addAll(StandinProcesses.using(home.dir().toString()));
        left.stream().filter(ProcessHandle::isAlive).forEach(StandinProcesses::killTree);
    }

    Path homeDir() {
        return home.dir();
    }
}
