package org.talkhost.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ProcFsProcessSourceTest {

    @TempDir
    Path proc;

    @Test
    void anAllTalkIsReadWithItsParentAndFolder_otherProcessesWithTheirCommandLineOnly() throws Exception {
        Path alltalk = Files.createDirectories(proc.resolve("4242"));
        Files.writeString(alltalk.resolve("stat"), "4242 (python) S 17 4242 17 0 -1 4194560 1 0 0 0");
        Files.write(alltalk.resolve("cmdline"), "python\0script.py\0".getBytes(StandardCharsets.UTF_8));
        Path folder = Files.createDirectories(proc.resolve("alltalk_tts"));
        Files.createSymbolicLink(alltalk.resolve("cwd"), folder);
        Path other = Files.createDirectories(proc.resolve("99"));
        Files.writeString(other.resolve("stat"), "99 (tmux: server) S 1 99 99 0 -1 4194560 1 0 0 0");
        Files.write(other.resolve("cmdline"), "tmux\0new\0".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(other.resolve("cwd"), folder);
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("uptime"), "1.0 1.0");

        List<RawProcess> all = new ProcFsProcessSource(proc).list();

        assertThat(all).extracting(RawProcess::pid).containsExactlyInAnyOrder(4242L, 99L);
        RawProcess a = all.stream().filter(p -> p.pid() == 4242).findFirst().orElseThrow();
        assertThat(a.parentPid()).isEqualTo(17);
        assertThat(a.args()).containsExactly("python", "script.py");
        assertThat(a.cwd()).isEqualTo(folder.toString());
        RawProcess t = all.stream().filter(p -> p.pid() == 99).findFirst().orElseThrow();
        assertThat(t.args()).containsExactly("tmux", "new");
        assertThat(t.parentPid()).as("not read: it cannot be AllTalk").isEqualTo(RawProcess.PARENT_UNREAD);
        assertThat(t.cwd()).as("not looked at: it cannot be AllTalk").isEmpty();
        assertThat(new ProcFsProcessSource(proc).parentOf(99))
                .as("read when asked, a name with a space and a colon")
                .isEqualTo(1);
        assertThat(new ProcFsProcessSource(proc).parentOf(12345))
                .as("a process that has ended")
                .isZero();
    }

    @Test
    void aProcessThatEndsWhileBeingReadIsLeftOut() throws Exception {
        Path gone = Files.createDirectories(proc.resolve("7"));
        Files.writeString(gone.resolve("stat"), "7 (sleep) S 1 7 7 0");

        assertThat(new ProcFsProcessSource(proc).list()).isEmpty();
    }

    @Test
    void aCommandNameWithAParenthesisDoesNotConfuseTheParent() {
        assertThat(ProcFsProcessSource.parentPid("12 (a) b) (c) R 345 12 12 0")).isEqualTo(345);
    }

    @Test
    void theArgumentsAreSplitAtEachNul_andAKernelThreadHasNone() {
        assertThat(ProcFsProcessSource.arguments("java\0-jar\0alltalk-standin.jar\0".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("java", "-jar", "alltalk-standin.jar");
        assertThat(ProcFsProcessSource.arguments(new byte[0])).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onThisMachineItFindsThisVeryProcessAsTheJdkSeesIt() {
        ProcessHandle me = ProcessHandle.current();
        RawProcess self = ProcFsProcessSource.forThisMachine().list().stream()
                .filter(p -> p.pid() == me.pid())
                .findFirst()
                .orElseThrow();

        assertThat(ProcFsProcessSource.forThisMachine().parentOf(me.pid()))
                .isEqualTo(me.parent().orElseThrow().pid());
        assertThat(self.args().subList(1, self.args().size()))
                .containsExactly(me.info().arguments().orElseThrow());
    }
}
