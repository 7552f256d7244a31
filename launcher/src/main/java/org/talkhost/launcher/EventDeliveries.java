package org.talkhost.launcher;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;

/**
 * While TalkHost stops, lets Apache Felix EventAdmin finish the deliveries it has started before the next bundle
 * (or EventAdmin itself) stops. EventAdmin interrupts a delivery still running when it stops and says so on the
 * console ({@code WARNING: EventAdmin: Event Task Processing Interrupted}); the last notices of a run ("AllTalk
 * has stopped") are posted just then. Before each bundle stops during a shutdown, this waits until EventAdmin's
 * threads are all back waiting for work, at most {@link #BUDGET_MILLIS} for the whole shutdown. A bundle stopped
 * or updated on its own, while TalkHost runs, is not waited for.
 */
final class EventDeliveries implements SynchronousBundleListener {
    static final long BUDGET_MILLIS = 2_000;
    private static final String THREADS = "EventAdmin";

    private final Framework framework;
    private final Supplier<Map<Thread, StackTraceElement[]>> threads;
    private long budgetLeftNanos;

    EventDeliveries(Framework framework, Supplier<Map<Thread, StackTraceElement[]>> threads, long budgetMillis) {
        this.framework = framework;
        this.threads = threads;
        this.budgetLeftNanos = TimeUnit.MILLISECONDS.toNanos(budgetMillis);
    }

    static void watch(Framework framework) {
        framework
                .getBundleContext()
                .addBundleListener(new EventDeliveries(framework, Thread::getAllStackTraces, BUDGET_MILLIS));
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STOPPING && framework.getState() == Bundle.STOPPING) {
            awaitIdle();
        }
    }

    /** Waits until EventAdmin's threads are idle twice in a row, within what is left of the budget. */
    synchronized boolean awaitIdle() {
        long start = System.nanoTime();
        try {
            int idleInARow = 0;
            while (System.nanoTime() - start < budgetLeftNanos) {
                idleInARow = idle(threads.get()) ? idleInARow + 1 : 0;
                if (idleInARow == 2) {
                    return true;
                }
                Thread.sleep(2);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            budgetLeftNanos = Math.max(0, budgetLeftNanos - (System.nanoTime() - start));
        }
    }

    /** Every EventAdmin thread waits for its next task (in its pool's queue); none is delivering. */
    static boolean idle(Map<Thread, StackTraceElement[]> all) {
        for (Map.Entry<Thread, StackTraceElement[]> e : all.entrySet()) {
            Thread t = e.getKey();
            if (!t.getName().startsWith(THREADS) || !t.isAlive()) {
                continue;
            }
            Thread.State s = t.getState();
            if (s != Thread.State.WAITING && s != Thread.State.TIMED_WAITING || !waitingForWork(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean waitingForWork(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            if (f.getMethodName().equals("getTask")
                    && f.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")) {
                return true;
            }
        }
        return false;
    }
}
