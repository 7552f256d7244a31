package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void durationsReadNaturally() {
        assertThat(PlainAmounts.duration(Duration.ofMillis(400))).isEqualTo("0.4 seconds");
        assertThat(PlainAmounts.duration(Duration.ofMillis(980))).isEqualTo("1 second");
        assertThat(PlainAmounts.duration(Duration.ofSeconds(3))).isEqualTo("3 seconds");
        assertThat(PlainAmounts.duration(Duration.ofSeconds(60))).isEqualTo("1 minute");
        assertThat(PlainAmounts.duration(Duration.ofSeconds(130))).isEqualTo("2 minutes 10 seconds");
        assertThat(PlainAmounts.duration(Duration.ofMinutes(30))).isEqualTo("30 minutes");
        assertThat(PlainAmounts.count(1, "process", "processes")).isEqualTo("1 process");
        assertThat(PlainAmounts.bytes(1536L * 1024 * 1024)).isEqualTo("1.5 GB");
    }
}
