package org.talkhost.health.internal;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Where the checks run: one thread, one pending periodic task. Tests drive their own. */
interface CheckScheduler {

    /** Runs {@code task} after {@code delay}, replacing the task pending so far (if any). */
    void schedule(Runnable task, Duration delay);

    /** Runs {@code task} on the check thread and waits for it, at most {@code timeout}. */
    <T> T call(Callable<T> task, Duration timeout) throws Exception;

    /** Runs {@code task} on the check thread every {@code period}, beside the checks, until shut down. */
    void every(Runnable task, Duration period);

    /** Stops: the pending task is dropped, a running one is interrupted. */
    void shutdown();
}
