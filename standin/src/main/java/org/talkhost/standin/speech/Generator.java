package org.talkhost.standin.speech;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.talkhost.standin.Console;
import org.talkhost.standin.Faults;

/**
 * Runs generations one at a time, as AllTalk does. Applies the slow-generation fault (spread over the
 * sentences) and lets PUT /api/stop-generation end the running generation between sentences.
 */
public final class Generator {

    /** One generation; the pace it gets must be asked before each sentence. */
    @FunctionalInterface
    public interface Work<T> {
        T run(SpeechEngine.Pace pace) throws IOException;
    }

    private final Faults faults;
    private final Console console;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Object signal = new Object();
    private final AtomicInteger generations = new AtomicInteger();
    private volatile boolean active;
    private volatile boolean stopRequested;
    private volatile boolean closed;

    public Generator(Faults faults, Console console) {
        this.faults = faults;
        this.console = console;
    }

    /** Runs one generation of the given text when no other runs, printing AllTalk's TTSGen lines. */
    public <T> T exclusive(String text, Work<T> work) throws IOException {
        lock.lock();
        long start = System.nanoTime();
        try {
            active = true;
            stopRequested = false;
            generations.incrementAndGet();
            console.line("[AllTalk TTSGen] " + (text.length() > 90 ? text.substring(0, 90) + "..." : text));
            double delay = faults.generateSeconds();
            return work.run((sentence, sentences) -> {
                if (delay > 0) {
                    pause(delay / sentences);
                }
                return !stopRequested && !closed;
            });
        } finally {
            console.line(String.format(
                    Locale.ROOT,
                    "[AllTalk TTSGen] %.2f seconds. LowVRAM: False DeepSpeed: False",
                    (System.nanoTime() - start) / 1e9));
            active = false;
            stopRequested = false;
            lock.unlock();
        }
    }

    /** Asks the running generation to stop; false when none is running. */
    public boolean requestStop() {
        if (!active) {
            return false;
        }
        stopRequested = true;
        synchronized (signal) {
            signal.notifyAll();
        }
        return true;
    }

    public boolean active() {
        return active;
    }

    public int generations() {
        return generations.get();
    }

    /** Ends any wait at shutdown. */
    public void close() {
        closed = true;
        requestStop();
    }

    private void pause(double seconds) throws InterruptedIOException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        synchronized (signal) {
            while (!stopRequested && !closed) {
                long leftMs = (end - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    return;
                }
                try {
                    signal.wait(leftMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("stopped during a slow generation");
                }
            }
        }
    }
}
