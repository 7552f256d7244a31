package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talkhost.api.config.Mode;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;

class AttemptsTest {
    private static final RunState DETECTING = new RunState(
            Phase.DETECTING, Mode.STANDIN, null, ServerKind.NONE, 0, false, Instant.now(), "checking", "", "");
    private static final RunState FAILED =
            new RunState(Phase.FAILED, Mode.STANDIN, null, ServerKind.NONE, 0, false, Instant.now(), "failed", "", "");

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private final Attempts attempts = new Attempts(worker, () -> DETECTING);

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private RunState attemptThatThrows(boolean cancelledFirst) throws Exception {
        AtomicReference<Attempt> running = new AtomicReference<>();
        CompletableFuture<Void> mayThrow = new CompletableFuture<>();
        attempts.wire(
                a -> {
                    running.set(a);
                    mayThrow.join();
                    throw new IllegalStateException("Connection pool shut down");
                },
                a -> FAILED,
                r -> {});
        Attempt a = attempts.begin(false, NoticeListener.NONE, Duration.ZERO);
        org.awaitility.Awaitility.await().until(() -> running.get() != null);
        if (cancelledFirst) {
            attempts.cancel();
        }
        mayThrow.complete(null);
        return a.result.get(5, TimeUnit.SECONDS);
    }

    @Test
    void anExceptionInAStartNobodyGaveUpIsAFailure() throws Exception {
        assertThat(attemptThatThrows(false).phase()).isEqualTo(Phase.FAILED);
    }

    @Test
    void anExceptionInAStartTheHostGaveUpIsNoFailure() throws Exception {
        assertThat(attemptThatThrows(true).phase())
                .as("the host stopped it: its parts closing under it are no crash to report")
                .isEqualTo(Phase.DETECTING);
    }
}
