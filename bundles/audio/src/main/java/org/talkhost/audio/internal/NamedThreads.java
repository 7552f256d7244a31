package org.talkhost.audio.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads with a name that says what they are for. */
final class NamedThreads implements ThreadFactory {
    private final String name;
    private final AtomicInteger count = new AtomicInteger();

    private NamedThreads(String name) {
        this.name = name;
    }

    static ThreadFactory of(String name) {
        return new NamedThreads(name);
    }

    @Override
    public Thread newThread(Runnable r) {
        int n = count.incrementAndGet();
        Thread t = new Thread(r, n == 1 ? name : name + "-" + n);
        t.setDaemon(true);
        return t;
    }
}
