package org.talkhost.common;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories for TalkHost's own threads: daemon threads named so a thread dump says whose they are. */
public final class Threads {

    private Threads() {}

    /** Daemon threads named {@code name}, then {@code name-2}, {@code name-3}, ... */
    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            int n = count.incrementAndGet();
            Thread t = new Thread(r, n == 1 ? name : name + "-" + n);
            t.setDaemon(true);
            return t;
        };
    }
}
