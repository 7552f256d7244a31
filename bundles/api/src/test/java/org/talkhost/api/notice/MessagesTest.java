package org.talkhost.api.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void fillsNumberedPlaceholdersAndKeepsApostrophes() {
        assertThat(Messages.fill("AllTalk isn't answering on port {0} (attempt {1} of {2}).", 7851, 3, 8))
                .isEqualTo("AllTalk isn't answering on port 7851 (attempt 3 of 8).");
    }

    @Test
    void aCountOfOneReadsInTheSingular() {
        assertThat(Messages.singular("checks again in 1 seconds; 11 seconds; 2.1 seconds; 1 minutes"))
                .isEqualTo("checks again in 1 second; 11 seconds; 2.1 seconds; 1 minute");
    }

    @Test
    void leavesUnknownAndNonNumericBracesAlone() {
        assertThat(Messages.fill("{json} and {5} and {0}", "x")).isEqualTo("{json} and {5} and x");
    }

    @Test
    void noticeSurvivesTheTripThroughAnEvent() {
        Notice n = Notice.progress(
                "process", "process.waiting", "Waiting for AllTalk.", 0.5, java.time.Duration.ofSeconds(12));
        Notice back = Notice.fromEvent(n.toEvent());
        assertThat(back).isEqualTo(n);
        assertThat(n.toEvent().getTopic()).isEqualTo("org/talkhost/notice/PROGRESS");
    }
}
