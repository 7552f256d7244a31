package org.talkhost.connection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.talkhost.api.config.ServerAddress;

class ClientSettingsTest {
    private final List<String> problems = new ArrayList<>();

    @Test
    void defaultsAreTheStandardOnes() {
        ClientSettings s = ClientSettings.resolve(TestConfigs.alltalk(Map.of()), TestConfigs.connection(), problems);
        assertThat(s.target()).isEqualTo(new ServerAddress("127.0.0.1", 7851));
        assertThat(s.connect()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.api()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.health()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.generate()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.retry()).isEqualTo(RetrySettings.DEFAULT);
        assertThat(problems).isEmpty();
    }

    @Test
    void theTargetIsThePortInUseElseTheFirstCandidate() {
        assertThat(ServerAddress.configured(TestConfigs.alltalk(Map.of("port", 7853, "host", "10.0.0.2"))))
                .isEqualTo(new ServerAddress("10.0.0.2", 7853));
        assertThat(ServerAddress.configured(TestConfigs.alltalk(Map.of("ports", new int[] {7860, 7861}))))
                .isEqualTo(new ServerAddress("127.0.0.1", 7860));
        assertThat(ServerAddress.configured(TestConfigs.alltalk(Map.of("port", 70000, "ports", new int[] {0, 7862}))))
                .isEqualTo(new ServerAddress("127.0.0.1", 7862));
        assertThat(ServerAddress.configured(TestConfigs.alltalk(Map.of("ports", new int[] {-1, 99999}))))
                .isEqualTo(new ServerAddress("127.0.0.1", 7851));
    }

    @Test
    void attemptsOutsideFiveToTenAreClampedAndExplained() {
        ClientSettings few = ClientSettings.resolve(
                TestConfigs.alltalk(Map.of()), TestConfigs.connection(Map.of("retryAttempts", 2)), problems);
        assertThat(few.retry().attempts()).isEqualTo(5);
        ClientSettings many = ClientSettings.resolve(
                TestConfigs.alltalk(Map.of()), TestConfigs.connection(Map.of("retryAttempts", 50)), problems);
        assertThat(many.retry().attempts()).isEqualTo(10);
        assertThat(problems)
                .containsExactly(
                        "The number of connection tries must be between 5 and 10, but 2 was set. TalkHost uses 5 instead; "
                                + "change retryAttempts in config/org.talkhost.connection.config to choose another number.",
                        "The number of connection tries must be between 5 and 10, but 50 was set. TalkHost uses 10 instead; "
                                + "change retryAttempts in config/org.talkhost.connection.config to choose another number.");
    }

    @Test
    void theConnectWaitIsAtMostTenSecondsAndNonsenseFallsBackToDefaults() {
        ClientSettings s = ClientSettings.resolve(
                TestConfigs.alltalk(Map.of("connectTimeoutSeconds", 30.0, "apiTimeoutSeconds", -1.0)),
                TestConfigs.connection(Map.of("retryJitter", 3.0)),
                problems);
        assertThat(s.connect()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.api()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.retry().jitter()).isEqualTo(0.5);
        assertThat(problems).hasSize(3).anyMatch(p -> p.contains("30 seconds is too long"));
    }

    @Test
    void theConnectionsOwnGenerationTimeoutWins() {
        ClientSettings s = ClientSettings.resolve(
                TestConfigs.alltalk(Map.of("generateTimeoutSeconds", 60.0)),
                TestConfigs.connection(Map.of("generateTimeoutOverrideSeconds", 300.0)),
                problems);
        assertThat(s.generate()).isEqualTo(Duration.ofSeconds(300));
    }
}
