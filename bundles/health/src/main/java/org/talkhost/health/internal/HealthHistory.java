package org.talkhost.health.internal;

import java.util.ArrayDeque;
import java.util.List;

import org.talkhost.api.health.HealthTransition;

/** The most recent transitions, oldest first, at most {@code capacity} of them. Thread-safe. */
final class HealthHistory {
    private final ArrayDeque<HealthTransition> entries = new ArrayDeque<>();
    private int capacity;

    HealthHistory(int capacity) {
        resize(capacity);
    }

    synchronized void add(HealthTransition t) {
        entries.addLast(t);
        trim();
    }

    synchronized void resize(int newCapacity) {
        capacity = Math.max(1, newCapacity);
        trim();
    }

    synchronized List<HealthTransition> list() {
        return List.copyOf(entries);
    }

    private void trim() {
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
    }
}
