package org.talkhost.standin;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The crash faults: print a Python traceback and end the process with exit code 3. */
final class Crash {

    static final int EXIT_CODE = 3;

    private final Console console;
    private final ProcessExit exit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "standin-crash-timer");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pending;

    Crash(Console console, ProcessExit exit) {
        this.console = console;
        this.exit = exit;
    }

    void now(String why) {
        console.note("Crashing on purpose: " + why + ".");
        console.error("Traceback (most recent call last):");
        console.error("  File \"tts_server.py\", line 538, in generate_audio_internal");
        console.error("    output = inference_func(**common_args)");
        console.error("RuntimeError: CUDA error: an illegal memory access was encountered");
        console.flush();
        exit.exit(EXIT_CODE);
    }

    /** Crashes after the given seconds from now; 0 cancels. */
    synchronized void after(double seconds) {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        if (seconds > 0) {
            pending = timer.schedule(
                    () -> now("--crash-after-seconds " + seconds), (long) (seconds * 1000), TimeUnit.MILLISECONDS);
        }
    }

    void close() {
        timer.shutdownNow();
    }
}
