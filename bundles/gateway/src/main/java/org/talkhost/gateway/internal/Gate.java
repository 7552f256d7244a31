package org.talkhost.gateway.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether requests may go to AllTalk now. Open: they go straight through. Closed (a request could not
 * reach AllTalk, or the Supervisor announced a restart): they wait here, without a thread each, while a
 * timer asks AllTalk {@code /api/ready} every {@value #TICK_MS} ms; the first "Ready" opens the gate
 * and releases them all. A waiter whose deadline passes is refused.
 */
final class Gate {
    private static final Logger LOG = LoggerFactory.getLogger(Gate.class);
    static final long TICK_MS = 200;

    private final BooleanSupplier probe;
    private final Executor workers;
    private final ConcurrentLinkedQueue<Waiter> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean open = true;
    private volatile String reason = "";
    private volatile long closedSince;

    /**
     * @param probe   true when AllTalk answers Ready now (may block for a short timeout)
     * @param timer   runs the ticks
     * @param workers runs resumed requests
     */
    Gate(BooleanSupplier probe, ScheduledExecutorService timer, Executor workers) {
        this.probe = probe;
        this.workers = workers;
        timer.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    boolean open() {
        return open;
    }

    /** Why requests wait now (a plain phrase), empty when open. */
    String reason() {
        return open ? "" : reason;
    }

    int waiting() {
        return count.get();
    }

    /** Stop sending: AllTalk could not be reached, or is being restarted. {@code why}: a plain phrase. */
    void close(String why) {
        reason = why;
        if (open) {
            closedSince = System.nanoTime();
            open = false;
            LOG.info("Holding requests: {}", why);
        }
    }

    /**
     * Holds {@code w} until the gate opens. Returns false (and holds nothing) when {@code limit}
     * requests wait already.
     */
    boolean hold(Waiter w, int limit) {
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            return false;
        }
        waiting.add(w);
        if (open) {
            releaseAll();
        }
        return true;
    }

    /** One tick: while closed, ask AllTalk; refuse waiters past their deadline. */
    void tick() {
        try {
            if (!open && probing.compareAndSet(false, true)) {
                try {
                    if (probe.getAsBoolean()) {
                        opened();
                    }
                } finally {
                    probing.set(false);
                }
            }
            if (open) {
                releaseAll();
            }
            expire(System.nanoTime());
        } catch (RuntimeException e) {
            LOG.warn("The gateway's readiness check failed; trying again", e);
        }
    }

    private void opened() {
        if (!open) {
            open = true;
            LOG.info(
                    "AllTalk is ready again after {} ms; sending the {} waiting request(s)",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedSince),
                    count.get());
        }
    }

    private void releaseAll() {
        Waiter w;
        while ((w = waiting.poll()) != null) {
            count.decrementAndGet();
            Waiter go = w;
            workers.execute(go::resume);
        }
    }

    private void expire(long now) {
        List<Waiter> late = new ArrayList<>();
        for (Iterator<Waiter> it = waiting.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (now - w.deadlineNanos() >= 0 && waiting.remove(w)) {
                count.decrementAndGet();
                late.add(w);
            }
        }
        String why = reason;
        for (Waiter w : late) {
            workers.execute(() -> w.refuse(why));
        }
    }

    /** Refuses everyone still waiting (the gateway is stopping). */
    void refuseAll(String why) {
        Waiter w;
        while ((w = waiting.poll()) != null) {
            count.decrementAndGet();
            w.refuse(why);
        }
    }
}
