package org.talkhost.connection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.talkhost.api.client.BusyException;
import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.client.UnavailableException;

class RetryingCallsTest {
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private RetryingCalls retrying(RetrySettings settings) {
        return new RetryingCalls(
                settings,
                wait -> waits.add(wait),
                (what, attempt, attempts, wait, failure) -> notes.add(what + ": attempt " + attempt + " of " + attempts
                        + ", waiting " + ClientSettings.seconds(wait) + " s"));
    }

    private static UnavailableException refused() {
        return new UnavailableException("AllTalk isn't answering", "refused", new ConnectException("refused"));
    }

    @Test
    void aRefusedConnectionIsTriedAgainAfter1_2_4_8_8Seconds() {
        AtomicInteger calls = new AtomicInteger();
        RetryingCalls r = retrying(RetrySettings.DEFAULT.withoutJitter());
        assertThatThrownBy(() -> r.call("GET /api/voices", () -> {
                    calls.incrementAndGet();
                    throw refused();
                }))
                .isInstanceOf(UnavailableException.class);
        assertThat(calls).hasValue(6);
        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(8));
        assertThat(notes).element(2).isEqualTo("GET /api/voices: attempt 3 of 6, waiting 4 s");
    }

    @Test
    void tenAttemptsWaitAtMostTheCap() {
        RetryingCalls r = retrying(new RetrySettings(Duration.ofSeconds(1), Duration.ofSeconds(8), 0, 10));
        assertThatThrownBy(() -> r.call("GET /api/voices", () -> {
                    throw refused();
                }))
                .isInstanceOf(UnavailableException.class);
        assertThat(waits)
                .hasSize(9)
                .startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4))
                .allMatch(w -> w.compareTo(Duration.ofSeconds(8)) <= 0);
    }

    @Test
    void jitterSpreadsTheWaitsWithinItsFraction() {
        RetryingCalls r = retrying(RetrySettings.DEFAULT);
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> r.call("GET /api/voices", () -> {
                        throw refused();
                    }))
                    .isInstanceOf(UnavailableException.class);
        }
        for (int i = 0; i < waits.size(); i++) {
            long nominal = new long[] {1000, 2000, 4000, 8000, 8000}[i % 5];
            assertThat(waits.get(i).toMillis()).isBetween((long) (nominal * 0.9), (long) (nominal * 1.1));
        }
        assertThat(waits.stream().distinct().count()).isGreaterThan(5);
    }

    @Test
    void recoveryAfterTwoRefusalsReturnsTheAnswer() {
        AtomicInteger calls = new AtomicInteger();
        String answer = retrying(RetrySettings.DEFAULT.withoutJitter()).call("GET /api/voices", () -> {
            if (calls.incrementAndGet() < 3) {
                throw refused();
            }
            return "voices";
        });
        assertThat(answer).isEqualTo("voices");
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void failuresOtherThanConnectingAreNotRepeated() {
        AtomicInteger calls = new AtomicInteger();
        RetryingCalls r = retrying(RetrySettings.DEFAULT);
        assertThatThrownBy(() -> r.call("GET /api/voices", () -> {
                    calls.incrementAndGet();
                    throw new BusyException("busy", "timeout", null);
                }))
                .isInstanceOf(BusyException.class);
        assertThatThrownBy(() -> r.call("GET /api/voices", () -> {
                    calls.incrementAndGet();
                    throw new ServerFailureException(500, "failed", "500", null);
                }))
                .isInstanceOf(ServerFailureException.class);
        assertThatThrownBy(() -> r.call("GET /api/voices", () -> {
                    calls.incrementAndGet();
                    throw new UnavailableException("broke", "reset", new java.net.SocketException("Connection reset"));
                }))
                .isInstanceOf(UnavailableException.class);
        assertThat(calls).hasValue(3);
        assertThat(waits).isEmpty();
    }

    @Test
    void aStoppingClientGivesUpAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        RetryingCalls r = new RetryingCalls(RetrySettings.DEFAULT, wait -> false, (a, b, c, d, e) -> {});
        assertThatThrownBy(() -> r.call("GET /api/voices", () -> {
                    calls.incrementAndGet();
                    throw refused();
                }))
                .isInstanceOf(UnavailableException.class);
        assertThat(calls).hasValue(1);
    }
}
