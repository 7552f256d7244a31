package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;

/** The Supervisor's work waits while TalkHost itself is still starting, and no longer than it must. */
class FrameworkStartWaitTest {
    private final BundleContext context = mock(BundleContext.class);
    private final Bundle framework = mock(Bundle.class);
    private final AtomicReference<FrameworkListener> listener = new AtomicReference<>();

    FrameworkStartWaitTest() {
        when(context.getBundle(0)).thenReturn(framework);
        doAnswer(i -> {
                    listener.set(i.getArgument(0));
                    return null;
                })
                .when(context)
                .addFrameworkListener(any());
    }

    private CompletableFuture<Void> waiting(Duration max, AtomicBoolean cancelled) {
        return CompletableFuture.runAsync(() -> SupervisorImpl.untilFrameworkStarted(context, max, cancelled::get));
    }

    @Test
    void aRunningFrameworkIsNotWaitedFor() {
        when(framework.getState()).thenReturn(Bundle.ACTIVE);

        SupervisorImpl.untilFrameworkStarted(context, Duration.ofSeconds(30), () -> false);

        assertThat(listener.get()).as("no listener needed").isNull();
    }

    @Test
    void aStartingFrameworkIsWaitedForUntilItSaysStarted() throws Exception {
        when(framework.getState()).thenReturn(Bundle.STARTING);
        CompletableFuture<Void> wait = waiting(Duration.ofSeconds(30), new AtomicBoolean());
        org.awaitility.Awaitility.await().until(() -> listener.get() != null);
        assertThat(wait).as("still starting").isNotDone();

        listener.get().frameworkEvent(new FrameworkEvent(FrameworkEvent.STARTED, framework, null));

        wait.get(5, TimeUnit.SECONDS);
        verify(context).removeFrameworkListener(listener.get());
    }

    @Test
    void aCancelledAttemptOrAStoppingFrameworkEndsTheWait() throws Exception {
        when(framework.getState()).thenReturn(Bundle.STARTING);
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<Void> wait = waiting(Duration.ofSeconds(30), cancelled);
        org.awaitility.Awaitility.await().until(() -> listener.get() != null);
        cancelled.set(true);
        wait.get(5, TimeUnit.SECONDS);

        CompletableFuture<Void> second = waiting(Duration.ofSeconds(30), new AtomicBoolean());
        when(framework.getState()).thenReturn(Bundle.STOPPING);
        second.get(5, TimeUnit.SECONDS);
    }

    @Test
    void theWaitIsBounded() throws Exception {
        when(framework.getState()).thenReturn(Bundle.STARTING);
        long t0 = System.nanoTime();

        SupervisorImpl.untilFrameworkStarted(context, Duration.ofMillis(100), () -> false);

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(100), Duration.ofSeconds(5));
    }
}
