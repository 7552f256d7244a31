package org.talkhost.process.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An AllTalk process TalkHost watches: one it launched ({@link Process}, exit code known) or one it
 * attached to by pid (after a bundle swap or a TalkHost restart). Its output is read from the log file.
 */
final class ChildProcess {
    /** Exit code when it is not known (a process this JVM did not start). */
    static final int UNKNOWN_EXIT = Integer.MIN_VALUE;

    private final ProcessHandle handle;
    private final Process process;
    private final OutputWatch output;
    private final LogTailer tailer;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final Instant started;
    private volatile ScheduledFuture<?> ticker;

    private ChildProcess(ProcessHandle handle, Process process, OutputWatch output, LogTailer tailer) {
        this.handle = handle;
        this.process = process;
        this.output = output;
        this.tailer = tailer;
        this.started = handle.info().startInstant().orElse(Instant.now());
        CompletableFuture<?> end = process != null ? process.onExit() : handle.onExit();
        end.whenComplete((p, e) -> finish());
    }

    static ChildProcess launched(Process process, OutputWatch output, LogTailer tailer) {
        return new ChildProcess(process.toHandle(), process, output, tailer);
    }

    /** A process found by pid; {@code tailer} may be null when its output is not in TalkHost's log. */
    static ChildProcess attached(ProcessHandle handle, OutputWatch output, LogTailer tailer) {
        return new ChildProcess(handle, null, output, tailer);
    }

    /** Reads output and checks liveness every {@code every}; {@code housekeeping} runs on the same beat. */
    void watch(ScheduledExecutorService executor, Duration every, Runnable housekeeping) {
        long ms = Math.max(20, every.toMillis());
        ticker = executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (tailer != null) {
                            tailer.poll();
                        }
                        housekeeping.run();
                        if (!Liveness.running(handle)) {
                            finish();
                        }
                    } catch (RuntimeException e) {
                        // keep ticking: one bad read must not end the watch
                    }
                },
                0,
                ms,
                TimeUnit.MILLISECONDS);
    }

    /** Stops reading (the process itself is left alone). */
    void unwatch() {
        ScheduledFuture<?> t = ticker;
        if (t != null) {
            t.cancel(false);
        }
    }

    private void finish() {
        if (exited.isDone()) {
            return;
        }
        if (tailer != null) {
            tailer.flush();
        }
        unwatch();
        int code = UNKNOWN_EXIT;
        if (process != null) {
            try {
                code = process.waitFor(1, TimeUnit.SECONDS) ? process.exitValue() : UNKNOWN_EXIT;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exited.complete(code);
    }

    long pid() {
        return handle.pid();
    }

    ProcessHandle handle() {
        return handle;
    }

    boolean alive() {
        return !exited.isDone() && Liveness.running(handle);
    }

    /** Completes with the exit code ({@link #UNKNOWN_EXIT} when not known) once the process has ended. */
    CompletableFuture<Integer> exited() {
        return exited;
    }

    int exitCode() {
        return exited.getNow(UNKNOWN_EXIT);
    }

    Instant started() {
        return started;
    }

    OutputWatch output() {
        return output;
    }
}
