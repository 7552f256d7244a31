package org.talkhost.process.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;

/**
 * At most one start at a time, run on the worker thread: a caller that asks meanwhile joins the start in
 * progress (or the automatic restart waiting out its backoff). A failed automatic start goes back to the
 * restart policy.
 */
final class Attempts {
    private static final Logger LOG = LoggerFactory.getLogger(Attempts.class);

    private final ScheduledExecutorService worker;
    private final Supplier<RunState> state;
    private volatile Function<Attempt, RunState> sequence;
    private volatile Function<Attempt, RunState> onCrash;
    private volatile Consumer<RunState> retry = r -> {};
    private Attempt current;

    Attempts(ScheduledExecutorService worker, Supplier<RunState> state) {
        this.worker = worker;
        this.state = state;
        this.sequence = a -> state.get();
        this.onCrash = a -> state.get();
    }

    /**
     * What an attempt runs; {@code onCrash} turns an unexpected exception into a FAILED state;
     * {@code retry} hears of a failed automatic attempt that may succeed another time.
     */
    void wire(Function<Attempt, RunState> sequence, Function<Attempt, RunState> onCrash, Consumer<RunState> retry) {
        this.sequence = sequence;
        this.onCrash = onCrash;
        this.retry = retry;
    }

    /** Joins the attempt in progress, or begins one after {@code delay}. */
    synchronized Attempt begin(boolean automatic, NoticeListener listener, Duration delay) {
        if (current != null && !current.done()) {
            current.listen(listener);
            return current;
        }
        Attempt a = new Attempt(automatic, listener);
        current = a;
        try {
            if (delay.isZero() || delay.isNegative()) {
                worker.execute(() -> run(a));
            } else {
                worker.schedule(() -> run(a), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            a.result.complete(state.get());
        }
        return a;
    }

    synchronized boolean busy() {
        return current != null && !current.done();
    }

    /** The user asks for a start now: an automatic restart still waiting out its backoff is dropped. */
    synchronized void dropPendingRestart() {
        if (current != null && current.automatic && current.pending()) {
            current.cancel();
            current.result.complete(state.get());
        }
    }

    /** Asks the attempt in progress to give up (it notices within one readiness check). */
    synchronized void cancel() {
        if (current != null && !current.done()) {
            current.cancel();
        }
    }

    private void run(Attempt a) {
        if (a.done()) {
            return;
        }
        a.running();
        RunState r;
        try {
            r = a.cancelled() ? state.get() : sequence.apply(a);
        } catch (RuntimeException e) {
            if (a.cancelled()) {
                // the host stopped under it (a one-shot run ends, a bundle goes): the parts it used are closing
                LOG.debug("A start given up by the host ended with {}", e.toString());
                r = state.get();
            } else {
                LOG.error("Starting AllTalk failed unexpectedly", e);
                r = onCrash.apply(a);
            }
        } catch (Error e) {
            LOG.error("Starting AllTalk failed with a fatal error", e);
            try {
                a.result.complete(onCrash.apply(a));
            } finally {
                a.result.complete(state.get());
            }
            throw e;
        }
        a.result.complete(r);
        if (a.automatic && !a.cancelled() && r.phase() == Phase.FAILED && a.retryable) {
            retry.accept(r);
        }
    }
}
