package org.talkhost.health.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** A {@link CheckScheduler} the test drives: {@link #runNext()} moves the clock by the delay and runs the task. */
final class ManualScheduler implements CheckScheduler {
    private final FakeClock clock;
    private Runnable pending;
    private Runnable every;
    private Duration pendingDelay;
    final List<Duration> delays = new ArrayList<>();
    boolean shutDown;

    ManualScheduler(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public void schedule(Runnable task, Duration delay) {
        pending = task;
        pendingDelay = delay;
        delays.add(delay);
    }

    @Override
    public void every(Runnable task, Duration period) {
        every = task;
    }

    /** Runs the task given to {@link #every} once, as its period would (the clock does not move). */
    void runEvery() {
        every.run();
    }

    @Override
    public <T> T call(Callable<T> task, Duration timeout) throws Exception {
        return task.call();
    }

    @Override
    public void shutdown() {
        shutDown = true;
        pending = null;
    }

    boolean hasPending() {
        return pending != null;
    }

    Duration pendingDelay() {
        return pendingDelay;
    }

    /** Runs the pending periodic check after moving the clock by its delay. */
    void runNext() {
        if (pending == null) {
            throw new IllegalStateException("nothing scheduled");
        }
        Runnable task = pending;
        pending = null;
        clock.advance(pendingDelay);
        task.run();
    }

    void runNext(int times) {
        for (int i = 0; i < times; i++) {
            runNext();
        }
    }
}
