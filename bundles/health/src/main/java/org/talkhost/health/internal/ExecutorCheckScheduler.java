package org.talkhost.health.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link CheckScheduler} on one named daemon thread. */
final class ExecutorCheckScheduler implements CheckScheduler {
    private final ScheduledExecutorService executor;
    private volatile Thread thread;
    private ScheduledFuture<?> pending;

    ExecutorCheckScheduler(String threadName) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    @Override
    public synchronized void schedule(Runnable task, Duration delay) {
        if (executor.isShutdown()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void every(Runnable task, Duration period) {
        if (executor.isShutdown()) {
            return;
        }
        long nanos = period.toNanos();
        executor.scheduleWithFixedDelay(task, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public <T> T call(Callable<T> task, Duration timeout) throws Exception {
        if (Thread.currentThread() == thread) {
            return task.call();
        }
        return executor.submit(task).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
