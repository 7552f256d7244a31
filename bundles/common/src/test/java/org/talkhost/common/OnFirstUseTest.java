package org.talkhost.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class OnFirstUseTest {

    @Test
    void makesNothingUntilUsedThenTheSameThingEveryTime() {
        AtomicInteger made = new AtomicInteger();
        OnFirstUse<StringBuilder> thing = new OnFirstUse<>(
                () -> {
                    made.incrementAndGet();
                    return new StringBuilder("x");
                },
                sb -> {});
        List<StringBuilder> seen = new ArrayList<>();
        thing.ifMade(seen::add);
        assertThat(made).hasValue(0);
        assertThat(seen).isEmpty();

        StringBuilder first = thing.get();
        assertThat(thing.get()).isSameAs(first);
        thing.ifMade(seen::add);
        assertThat(seen).containsExactly(first);
        assertThat(made).hasValue(1);
    }

    @Test
    void manyFirstUsesAtOnceMakeOneThing() throws Exception {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        OnFirstUse<Object> thing = new OnFirstUse<>(
                () -> {
                    made.incrementAndGet();
                    return new Object();
                },
                o -> {});
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> uses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                uses.add(pool.submit(() -> {
                    go.await();
                    return thing.get();
                }));
            }
            go.countDown();
            Object one = uses.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Object> f : uses) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(one);
            }
            assertThat(made).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeClosesWhatWasMadeOnceAndRefusesLaterUse() {
        List<String> closed = new ArrayList<>();
        OnFirstUse<String> thing = new OnFirstUse<>(() -> "client", closed::add);
        thing.get();
        thing.close();
        thing.close();
        assertThat(closed).containsExactly("client");
        assertThatThrownBy(thing::get).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingWhatWasNeverUsedMakesNothing() {
        AtomicInteger made = new AtomicInteger();
        List<Object> closed = new ArrayList<>();
        OnFirstUse<Object> thing = new OnFirstUse<>(
                () -> {
                    made.incrementAndGet();
                    return new Object();
                },
                closed::add);
        thing.close();
        assertThat(made).hasValue(0);
        assertThat(closed).isEmpty();
    }
}
