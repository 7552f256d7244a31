package org.talkhost.audio.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests waiting and the one being spoken. At most {@code bound} in all: AllTalk does one at a
 * time, and a request that would wait behind too many others is refused at once.
 */
final class RequestQueue {
    private final ArrayDeque<SpeakJob> waiting = new ArrayDeque<>();
    private SpeakJob current;
    private int bound;
    private boolean refusing;

    RequestQueue(int bound) {
        bound(bound);
    }

    synchronized void bound(int bound) {
        this.bound = Math.max(1, bound);
    }

    synchronized int bound() {
        return bound;
    }

    /** What became of an offered job. */
    enum Offer {
        ACCEPTED,
        /** Refused, the first time since the last accepted one (say so). */
        REFUSED_FIRST,
        /** Refused again (already said). */
        REFUSED_AGAIN
    }

    /** Adds the job unless {@code bound} requests are already taken. */
    synchronized Offer offer(SpeakJob job) {
        if (waiting.size() + (current == null ? 0 : 1) >= bound) {
            boolean first = !refusing;
            refusing = true;
            return first ? Offer.REFUSED_FIRST : Offer.REFUSED_AGAIN;
        }
        refusing = false;
        waiting.add(job);
        notifyAll();
        return Offer.ACCEPTED;
    }

    /** The next job, which becomes the current one; waits until there is one. */
    synchronized SpeakJob take() throws InterruptedException {
        while (waiting.isEmpty()) {
            wait();
        }
        current = waiting.poll();
        return current;
    }

    synchronized void finished(SpeakJob job) {
        if (current == job) {
            current = null;
        }
    }

    synchronized boolean remove(SpeakJob job) {
        return waiting.remove(job);
    }

    /** Empties the queue; returns what was waiting, in order. */
    synchronized List<SpeakJob> drain() {
        List<SpeakJob> all = new ArrayList<>(waiting);
        waiting.clear();
        return all;
    }

    synchronized SpeakJob current() {
        return current;
    }

    synchronized List<String> texts() {
        List<String> texts = new ArrayList<>();
        waiting.forEach(j -> texts.add(j.request().text()));
        return texts;
    }
}
