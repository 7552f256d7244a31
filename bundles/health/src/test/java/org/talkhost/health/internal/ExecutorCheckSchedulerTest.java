package org.talkhost.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorCheckSchedulerTest {
    private final ExecutorCheckScheduler scheduler = new ExecutorCheckScheduler("talkhost-health-test");

    @AfterEach
    void stop() {
        scheduler.shutdown();
    }

    @Test
    void callRunsOnTheNamedCheckThread() throws Exception {
        assertThat(scheduler.call(() -> Thread.currentThread().getName(), Duration.ofSeconds(5)))
                .isEqualTo("talkhost-health-test");
    }

    @Test
    void aNewScheduleReplacesThePendingOne() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        scheduler.schedule(first::incrementAndGet, Duration.ofHours(1));
        scheduler.schedule(second::incrementAndGet, Duration.ZERO);
        await().atMost(Duration.ofSeconds(5)).until(() -> second.get() == 1);
        assertThat(first.get()).isZero();
    }

    @Test
    void callFromTheCheckThreadItselfDoesNotDeadlock() throws Exception {
        String name = scheduler.call(() -> scheduler.call(() -> "inner", Duration.ofSeconds(1)), Duration.ofSeconds(5));
        assertThat(name).isEqualTo("inner");
    }

    @Test
    void aRepeatedTaskRunsAgainOnTheCheckThreadUntilShutdown() {
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger runs = new AtomicInteger();
        scheduler.every(
                () -> {
                    threads.add(Thread.currentThread().getName());
                    runs.incrementAndGet();
                },
                Duration.ofMillis(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        assertThat(threads).containsExactly("talkhost-health-test");
        scheduler.shutdown();
        scheduler.every(runs::incrementAndGet, Duration.ofMillis(10)); // refused quietly, not thrown
    }

    @Test
    void afterShutdownNothingRuns() {
        AtomicInteger runs = new AtomicInteger();
        scheduler.shutdown();
        scheduler.schedule(runs::incrementAndGet, Duration.ZERO);
        assertThat(runs.get()).isZero();
    }

    @Test
    void monitorOnTheRealThreadChecksPeriodicallyAndStops() {
        FakeClock clock = new FakeClock();
        ScriptedClient client = new ScriptedClient(clock);
        HealthMonitorImpl monitor = new HealthMonitorImpl(client, java.time.Clock.systemUTC(), scheduler);
        monitor.apply(HealthSettings.defaults());
        await().atMost(Duration.ofSeconds(5)).until(() -> client.readyCalls.get() == 1);
        assertThat(monitor.checkNow().state()).isEqualTo(org.talkhost.api.health.HealthState.READY);
        monitor.stop();
        int calls = client.readyCalls.get();
        assertThat(monitor.checkNow().state()).isEqualTo(org.talkhost.api.health.HealthState.READY);
        assertThat(client.readyCalls.get()).isEqualTo(calls);
    }
}
