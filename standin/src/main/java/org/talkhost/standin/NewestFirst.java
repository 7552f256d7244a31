package org.talkhost.standin;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * v2's order of waiting requests. Its event loop is blocked while it generates, and afterwards it does
 * not take the waiting requests first come, first served: here the newest waiting request goes first.
 * So an /api/ready sent during a generation is answered as soon as that generation ends, before the
 * generations queued earlier. (v1 serves strictly in order, and its /api/ready waits for them all.)
 */
final class NewestFirst extends LinkedBlockingDeque<Runnable> {

    private static final long serialVersionUID = 1L;

    static ExecutorService singleThread(ThreadFactory threads) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new NewestFirst(), threads);
    }

    @Override
    public boolean offer(Runnable task) {
        return offerFirst(task);
    }
}
