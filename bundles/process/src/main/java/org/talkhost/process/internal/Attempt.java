package org.talkhost.process.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.RunState;

/** One start (or restart) in progress; callers that ask meanwhile join it and hear its notices too. */
final class Attempt {
    final boolean automatic;
    final CompletableFuture<RunState> result = new CompletableFuture<>();
    final List<NoticeListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private volatile boolean running;
    /** Set when the attempt failed for a reason a later automatic attempt might not meet again. */
    volatile boolean retryable;
    /** Set by a start whose port another server took while it started (the worker thread only). */
    Supervised lostPort;
    /** Set by a start that found an AllTalk on a candidate port after detection found none (worker thread only). */
    boolean appeared;
    /** The last try of a start that lost its port: what happens now is reported as it is (worker thread only). */
    boolean lastRound;

    Attempt(boolean automatic, NoticeListener first) {
        this.automatic = automatic;
        listen(first);
    }

    void listen(NoticeListener l) {
        if (l != null && l != NoticeListener.NONE) {
            listeners.add(l);
        }
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    void running() {
        running = true;
    }

    /** Not begun yet (an automatic restart waiting out its backoff). */
    boolean pending() {
        return !running && !result.isDone();
    }

    boolean done() {
        return result.isDone();
    }

    /** Waits for the outcome; on timeout returns null (the attempt goes on). */
    RunState await(Duration max) {
        try {
            return result.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }
}
