package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.config.Mode;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.ServerKind;

class InstanceFilesTest {
    @TempDir
    Path dir;

    @Test
    void onlyOneHolderAtATime() {
        InstanceLock a = new InstanceLock(dir.resolve("supervisor.lock"));
        InstanceLock b = new InstanceLock(dir.resolve("supervisor.lock"));
        assertThat(a.tryOnce()).isTrue();
        assertThat(b.acquire(Duration.ofMillis(300), () -> false)).isFalse();
        assertThat(a.held()).as("b's attempt does not break a's lock").isTrue();
        a.release();
        assertThat(b.tryOnce()).isTrue();
        b.release();
    }

    @Test
    void aWaitingAcquireGetsTheLockWhenItIsLetGo() throws Exception {
        InstanceLock a = new InstanceLock(dir.resolve("supervisor.lock"));
        InstanceLock b = new InstanceLock(dir.resolve("supervisor.lock"));
        a.tryOnce();
        java.util.concurrent.CompletableFuture<Boolean> waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> b.acquire(Duration.ofSeconds(10), () -> false));
        org.awaitility.Awaitility.await()
                .during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> !waiting.isDone());
        a.release();
        assertThat(waiting.get()).isTrue();
        b.release();
    }

    @Test
    void thePidFileTellsOurLiveProcessFromAStaleOne() throws Exception {
        PidFile file = new PidFile(dir.resolve("alltalk.pid"));
        ProcessHandle me = ProcessHandle.current();
        Instant started = me.info().startInstant().orElseThrow();
        file.write(new PidFile.Entry(
                me.pid(), started, new ServerAddress("127.0.0.1", 7851), Mode.STANDIN, ServerKind.STANDIN));

        PidFile.Entry e = file.read().orElseThrow();
        assertThat(e.address().port()).isEqualTo(7851);
        assertThat(e.liveProcess()).isPresent();

        PidFile.Entry reused = new PidFile.Entry(me.pid(), started.minusSeconds(3600), e.address(), e.mode(), e.kind());
        assertThat(reused.liveProcess())
                .as("same pid, other start time: not ours")
                .isEmpty();

        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        assertThat(new PidFile.Entry(gone.pid(), null, e.address(), e.mode(), e.kind()).liveProcess())
                .isEmpty();

        file.delete();
        assertThat(file.read()).isEmpty();
        Files.writeString(dir.resolve("alltalk.pid"), "garbage");
        assertThat(file.read()).isEmpty();
    }

    @Test
    void startTimesGiveTheMedianOfTheLastFive() {
        StartTimes times = new StartTimes(dir.resolve("start-times.properties"));
        assertThat(times.estimate("standin-v2")).isEmpty();
        for (long ms : new long[] {9000, 1000, 2000, 3000, 4000, 5000}) {
            times.record("standin-v2", Duration.ofMillis(ms));
        }
        StartTimes again = new StartTimes(dir.resolve("start-times.properties"));
        assertThat(again.estimate("standin-v2")).contains(Duration.ofMillis(3000));
        assertThat(again.estimate("managed-v2")).isEmpty();
    }

    @Test
    void nvidiaSmiOutputIsReadPerProcess() {
        assertThat(GpuMemory.parse("1234, 2048\n5678, 512\n[N/A], 3\n1234, 100\n"))
                .containsEntry(1234L, 2148L)
                .containsEntry(5678L, 512L)
                .hasSize(2);
        assertThat(new GpuMemory(java.util.Map.of("PATH", dir.toString())).usedBy(java.util.Set.of(1L)))
                .isEqualTo(-1);
    }
}
