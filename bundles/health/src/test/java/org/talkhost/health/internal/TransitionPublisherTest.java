package org.talkhost.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.talkhost.api.health.HealthState;
import org.talkhost.api.process.Phase;

class TransitionPublisherTest {
    private static Change change(HealthState from, HealthState to) {
        return new Change(
                Instant.now(),
                from,
                to,
                "",
                ProbeResult.ready(Duration.ofMillis(3)),
                0,
                null,
                Duration.ofSeconds(5),
                null);
    }

    @Test
    void aFirstReadyIsLeftToTheSupervisorWhileItDetectsOrHasSaidItRuns() {
        Change firstReady = change(HealthState.UNKNOWN, HealthState.READY);

        assertThat(TransitionPublisher.saidBySupervisor(firstReady, Phase.DETECTING))
                .isTrue();
        assertThat(TransitionPublisher.saidBySupervisor(firstReady, Phase.READY))
                .isTrue();
        assertThat(TransitionPublisher.saidBySupervisor(firstReady, Phase.STOPPED))
                .as("nobody else says it: an AllTalk that appeared while TalkHost's own was stopped")
                .isFalse();
        assertThat(TransitionPublisher.saidBySupervisor(change(HealthState.DOWN, HealthState.READY), Phase.DETECTING))
                .as("back after being down: health's to say")
                .isFalse();
    }
}
