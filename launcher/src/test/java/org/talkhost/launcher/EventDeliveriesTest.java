package org.talkhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventDeliveriesTest {

    /** A pool like EventAdmin's: threads named "EventAdminThread #n" that wait in the pool's queue when idle. */
    private final AtomicInteger n = new AtomicInteger();

    private final ExecutorService eventAdmin =
            new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "EventAdminThread #" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        eventAdmin.shutdownNow();
    }

    @Test
    void aStopWaitsForTheDeliveryUnderWay() throws Exception {
        AtomicBoolean delivered = new AtomicBoolean();
        CountDownLatch begun = new CountDownLatch(1);
        eventAdmin.submit(() -> {
            begun.countDown();
            release.await();
            delivered.set(true);
            return null;
        });
        begun.await();
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        releaser.start();

        boolean idle = new EventDeliveries(null, Thread::getAllStackTraces, 5_000).awaitIdle();

        assertThat(idle).isTrue();
        assertThat(delivered)
                .as("the delivery had finished when the stop went on")
                .isTrue();
        releaser.join();
    }

    @Test
    void aDeliveryThatDoesNotEndHoldsTheStopOnlyAsLongAsTheBudget() throws Exception {
        CountDownLatch begun = new CountDownLatch(1);
        eventAdmin.submit(() -> {
            begun.countDown();
            release.await();
            return null;
        });
        begun.await();
        EventDeliveries deliveries = new EventDeliveries(null, Thread::getAllStackTraces, 200);

        long t0 = System.nanoTime();
        assertThat(deliveries.awaitIdle()).isFalse();
        assertThat(deliveries.awaitIdle())
                .as("the budget is for the whole stop")
                .isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(200L, 2_000L);
    }

    @Test
    void idleThreadsAndOtherThreadsDoNotHoldTheStop() throws Exception {
        eventAdmin.submit(() -> null).get(); // the pool's threads exist and wait for work
        Thread busyOther = new Thread(
                () -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "talkhost-supervisor");
        busyOther.start();

        assertThat(EventDeliveries.idle(Thread.getAllStackTraces())).isTrue();
        release.countDown();
        busyOther.join();
    }
}
