package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final HandClock clock = new HandClock();

    RestartPolicy policy(int maxStarts) {
        return new RestartPolicy(
                clock, maxStarts, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    @Test
    void waitsLongerEachTimeUpToTheCap() {
        RestartPolicy p = policy(100);
        long[] delays = new long[8];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = p.next().delay().toSeconds();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(delays).containsExactly(1, 2, 4, 8, 16, 30, 30, 30);
    }

    @Test
    void stopsAfterTheStartLimitWithinTheWindow() {
        RestartPolicy p = policy(5);
        for (int i = 1; i <= 5; i++) {
            RestartPolicy.Decision d = p.next();
            assertThat(d.allowed()).isTrue();
            assertThat(d.attempt()).isEqualTo(i);
            clock.advance(Duration.ofSeconds(20));
        }
        RestartPolicy.Decision sixth = p.next();
        assertThat(sixth.allowed()).isFalse();
        assertThat(sixth.limit()).isEqualTo(5);
    }

    @Test
    void startsOlderThanTheWindowNoLongerCount() {
        RestartPolicy p = policy(2);
        p.next();
        clock.advance(Duration.ofMinutes(3));
        p.next();
        clock.advance(Duration.ofMinutes(3));
        RestartPolicy.Decision third = p.next();
        assertThat(third.allowed()).isTrue();
        assertThat(third.attempt()).isEqualTo(2);
    }

    @Test
    void aHealthyStretchForgetsEverything() {
        RestartPolicy p = policy(3);
        p.next();
        p.next();
        assertThat(p.next().delay()).isEqualTo(Duration.ofSeconds(4));
        p.ready();
        clock.advance(Duration.ofMinutes(2));
        RestartPolicy.Decision d = p.next();
        assertThat(d.allowed()).isTrue();
        assertThat(d.attempt()).isEqualTo(1);
        assertThat(d.delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aShortReadySpellDoesNotReset() {
        RestartPolicy p = policy(3);
        p.next();
        p.ready();
        clock.advance(Duration.ofSeconds(30));
        RestartPolicy.Decision d = p.next();
        assertThat(d.attempt()).isEqualTo(2);
        assertThat(d.delay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theUserStartingAgainResets() {
        RestartPolicy p = policy(1);
        p.next();
        assertThat(p.next().allowed()).isFalse();
        p.reset();
        assertThat(p.next().allowed()).isTrue();
    }
}
