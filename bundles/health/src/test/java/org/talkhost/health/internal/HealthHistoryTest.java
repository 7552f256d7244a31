package org.talkhost.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.talkhost.api.health.HealthState;
import org.talkhost.api.health.HealthTransition;

class HealthHistoryTest {

    private static HealthTransition t(int second) {
        return new HealthTransition(Instant.ofEpochSecond(second), HealthState.READY, HealthState.BUSY, "r" + second);
    }

    @Test
    void keepsTheNewestOldestFirst() {
        HealthHistory h = new HealthHistory(3);
        for (int i = 1; i <= 5; i++) {
            h.add(t(i));
        }
        assertThat(h.list()).extracting(HealthTransition::reason).containsExactly("r3", "r4", "r5");
    }

    @Test
    void shrinkingDropsTheOldest() {
        HealthHistory h = new HealthHistory(10);
        for (int i = 1; i <= 5; i++) {
            h.add(t(i));
        }
        h.resize(2);
        assertThat(h.list()).extracting(HealthTransition::reason).containsExactly("r4", "r5");
    }

    @Test
    void theListIsACopy() {
        HealthHistory h = new HealthHistory(3);
        h.add(t(1));
        var before = h.list();
        h.add(t(2));
        assertThat(before).hasSize(1);
    }
}
