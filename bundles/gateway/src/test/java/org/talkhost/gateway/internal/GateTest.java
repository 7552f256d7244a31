package org.talkhost.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Holding: who waits, who is let through when AllTalk is ready, who is refused (too many waiting, or
 * waited too long) and with which reason. Ticks are driven by the test; resumed requests run at once.
 */
class GateTest {
    private boolean ready;
    private final List<String> happened = new CopyOnWriteArrayList<>();
    private final Gate gate = new Gate(() -> ready, mock(ScheduledExecutorService.class), Runnable::run);

    @Test
    void whileOpen_nobodyWaits() {
        assertThat(gate.open()).isTrue();
        assertThat(gate.hold(waiter("a", 60), 10)).isTrue();
        assertThat(happened).containsExactly("a resumed");
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void whileClosed_requestsWaitUntilAllTalkIsReady_thenAllGo() {
        gate.close("AllTalk is restarting: it stopped unexpectedly");
        assertThat(gate.hold(waiter("a", 60), 10)).isTrue();
        assertThat(gate.hold(waiter("b", 60), 10)).isTrue();
        gate.tick();
        assertThat(happened).isEmpty();
        assertThat(gate.waiting()).isEqualTo(2);
        assertThat(gate.reason()).isEqualTo("AllTalk is restarting: it stopped unexpectedly");

        ready = true;
        gate.tick();
        assertThat(happened).containsExactly("a resumed", "b resumed");
        assertThat(gate.waiting()).isZero();
        assertThat(gate.open()).isTrue();
        assertThat(gate.reason()).isEmpty();
    }

    @Test
    void pastMaxWaiting_aRequestIsRefusedAtOnce() {
        gate.close("AllTalk is starting");
        assertThat(gate.hold(waiter("a", 60), 2)).isTrue();
        assertThat(gate.hold(waiter("b", 60), 2)).isTrue();
        assertThat(gate.hold(waiter("c", 60), 2)).as("the third of at most 2").isFalse();
        assertThat(gate.waiting()).isEqualTo(2);
        ready = true;
        gate.tick();
        assertThat(happened).containsExactly("a resumed", "b resumed");
        assertThat(gate.hold(waiter("d", 60), 2))
                .as("room again once they went")
                .isTrue();
    }

    @Test
    void maxWaitingZero_refusesEveryWait() {
        gate.close("AllTalk is starting");
        assertThat(gate.hold(waiter("a", 60), 0)).isFalse();
    }

    @Test
    void pastItsDeadline_aRequestIsRefusedWithTheReason_theOthersWait() {
        gate.close("AllTalk is stopping: asked to");
        gate.hold(waiter("late", 0), 10);
        gate.hold(waiter("patient", 60), 10);
        gate.tick();
        assertThat(happened).containsExactly("late refused: AllTalk is stopping: asked to");
        assertThat(gate.waiting()).isEqualTo(1);
    }

    @Test
    void stopping_refusesEveryoneStillWaiting() {
        gate.close("AllTalk is starting");
        gate.hold(waiter("a", 60), 10);
        gate.hold(waiter("b", 60), 10);
        gate.refuseAll("TalkHost's gateway is stopping");
        assertThat(happened)
                .containsExactly(
                        "a refused: TalkHost's gateway is stopping", "b refused: TalkHost's gateway is stopping");
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void aProbeThatThrows_keepsTheGateClosedAndTheRequestsWaiting() {
        Gate failing = new Gate(
                () -> {
                    throw new IllegalStateException("boom");
                },
                mock(ScheduledExecutorService.class),
                Runnable::run);
        failing.close("AllTalk is starting");
        failing.hold(waiter("a", 60), 10);
        failing.tick();
        assertThat(failing.open()).isFalse();
        assertThat(failing.waiting()).isEqualTo(1);
    }

    private Waiter waiter(String name, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        return new Waiter() {
            @Override
            public long deadlineNanos() {
                return deadline;
            }

            @Override
            public void resume() {
                happened.add(name + " resumed");
            }

            @Override
            public void refuse(String reason) {
                happened.add(name + " refused: " + reason);
            }
        };
    }
}
