package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessTreeStopperTest {
    Process parent;

    @AfterEach
    void cleanUp() {
        if (parent != null) {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }

    @Test
    void stopsTheParentAndItsChildren() throws Exception {
        parent = new ProcessBuilder("sh", "-c", "sleep 300 & sleep 300 & wait").start();
        await().atMost(Duration.ofSeconds(5)).until(() -> parent.descendants().count() == 2);
        List<ProcessHandle> children = parent.descendants().toList();

        ProcessTreeStopper.Result r = new ProcessTreeStopper().stop(parent.toHandle(), Duration.ofSeconds(5));

        assertThat(r.processes()).isEqualTo(3);
        assertThat(r.clean()).isTrue();
        assertThat(Liveness.running(parent.toHandle())).isFalse();
        assertThat(children).noneMatch(Liveness::running);
    }

    @Test
    void forcesWhatIgnoresTheRequestAfterTheGracePeriod() throws Exception {
        parent = new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 300 & wait").start();
        await().atMost(Duration.ofSeconds(5)).until(() -> parent.descendants().count() == 1);
        List<ProcessHandle> children = parent.descendants().toList();
        long start = System.nanoTime();

        ProcessTreeStopper.Result r = new ProcessTreeStopper().stop(parent.toHandle(), Duration.ofMillis(500));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(r.forced()).isEqualTo(2);
        assertThat(r.clean()).isTrue();
        assertThat(children).noneMatch(Liveness::running);
    }

    @Test
    void nothingToStopIsNotAnError() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        assertThat(new ProcessTreeStopper()
                        .stop(done.toHandle(), Duration.ofSeconds(1))
                        .processes())
                .isZero();
    }
}
