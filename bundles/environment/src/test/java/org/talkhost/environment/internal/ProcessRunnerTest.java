package org.talkhost.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class ProcessRunnerTest {
    final ProcessRunner runner = new ProcessRunner();

    @TempDir
    Path dir;

    @Test
    void capturesBothStreamsAndTheExitCode() {
        ProcessRunner.Outcome o = runner.run(
                List.of("sh", "-c", "echo out; echo 'Traceback' >&2; echo 'ModuleNotFoundError: x' >&2; exit 3"),
                Duration.ofSeconds(5));
        assertThat(o.started()).isTrue();
        assertThat(o.timedOut()).isFalse();
        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(o.out()).isEqualTo("out\n");
        assertThat(o.problemLine()).isEqualTo("ModuleNotFoundError: x");
    }

    @Test
    void argumentsAreNotInterpretedByAShell() {
        ProcessRunner.Outcome o = runner.run(List.of("echo", "$HOME; rm -rf /"), Duration.ofSeconds(5));
        assertThat(o.out()).isEqualTo("$HOME; rm -rf /\n");
    }

    @Test
    void aProgramThatHangsIsDestroyedWithItsChildrenAndKeepsWhatItPrinted() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path script =
                Fakes.script(dir.resolve("hang.sh"), "echo started\nsleep 60 &\necho $! > '" + pidFile + "'\nwait\n");
        long start = System.nanoTime();
        ProcessRunner.Outcome o = runner.run(List.of(script.toString()), Duration.ofMillis(700));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(o.timedOut()).isTrue();
        assertThat(o.out()).contains("started");
        long child = Long.parseLong(Files.readString(pidFile).trim());
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.of(o.pid()).map(h -> !h.isAlive()).orElse(true)
                        && ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void aMissingProgramIsReportedNotThrown() {
        ProcessRunner.Outcome o = runner.run(List.of(dir.resolve("nothing-here").toString()), Duration.ofSeconds(1));
        assertThat(o.started()).isFalse();
        assertThat(o.succeeded()).isFalse();
        assertThat(o.problemLine()).isNotBlank();
    }

    @Test
    void outputIsBounded() {
        ProcessRunner.Outcome o = runner.run(List.of("sh", "-c", "yes | head -c 2000000"), Duration.ofSeconds(10));
        assertThat(o.out().length()).isEqualTo(ProcessRunner.MAX_OUTPUT);
    }
}
