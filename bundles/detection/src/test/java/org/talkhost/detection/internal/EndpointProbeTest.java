package org.talkhost.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talkhost.api.detection.Endpoint;
import org.talkhost.api.detection.ReadyState;
import org.talkhost.api.detection.ServerKind;

class EndpointProbeTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500); // generous: a loaded 2-core CI machine
    private final EndpointProbe probe = new EndpointProbe();

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void v1AnswersReadyAndIsToldApartBySettings() throws Exception {
        try (FakeAllTalk v1 = FakeAllTalk.v1()) {
            Endpoint e = probe.probe("127.0.0.1", v1.port(), TIMEOUT);

            assertThat(e.kind()).isEqualTo(ServerKind.V1);
            assertThat(e.ready()).isEqualTo(ReadyState.READY);
            assertThat(e.isAllTalk()).isTrue();
        }
    }

    @Test
    void v2AnsweringInChunksIsV2() throws Exception {
        try (FakeAllTalk v2 = FakeAllTalk.v2()) {
            Endpoint e = probe.probe("127.0.0.1", v2.port(), TIMEOUT);

            assertThat(e.kind()).isEqualTo(ServerKind.V2);
            assertThat(e.ready()).isEqualTo(ReadyState.READY);
        }
    }

    @Test
    void v2WithoutAModelSaysUnloaded() throws Exception {
        try (FakeAllTalk v2 = FakeAllTalk.v2Unloaded()) {
            Endpoint e = probe.probe("127.0.0.1", v2.port(), TIMEOUT);

            assertThat(e.kind()).isEqualTo(ServerKind.V2);
            assertThat(e.ready()).isEqualTo(ReadyState.UNLOADED);
        }
    }

    @Test
    void standInSaysSoInAHeader() throws Exception {
        try (FakeAllTalk standin = FakeAllTalk.standin()) {
            assertThat(probe.probe("127.0.0.1", standin.port(), TIMEOUT).kind()).isEqualTo(ServerKind.STANDIN);
        }
    }

    @Test
    void anotherWebServerIsForeignAfterOneRequest() throws Exception {
        try (FakeAllTalk other = FakeAllTalk.foreign()) {
            Endpoint e = probe.probe("127.0.0.1", other.port(), TIMEOUT);

            assertThat(e.kind()).isEqualTo(ServerKind.FOREIGN);
            assertThat(e.ready()).isEqualTo(ReadyState.OTHER);
            assertThat(e.detail()).startsWith("HTTP 404");
            assertThat(other.requests).hasValue(1);
        }
    }

    @Test
    void aPortThatAcceptsButNeverAnswersTimesOutWithinTheTimeout() throws Exception {
        try (ServerSocket silent = FakeAllTalk.silent()) {
            long start = System.nanoTime();
            Endpoint e = probe.probe("127.0.0.1", silent.getLocalPort(), TIMEOUT);
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(e.ready()).isEqualTo(ReadyState.TIMEOUT);
            assertThat(e.kind()).isEqualTo(ServerKind.UNKNOWN);
            assertThat(tookMs).isBetween(TIMEOUT.toMillis() - 50, TIMEOUT.toMillis() + 300);
        }
    }

    @Test
    void nothingListeningIsRefusedAtOnce() throws Exception {
        Endpoint e = probe.probe("127.0.0.1", FakeAllTalk.freePort(), TIMEOUT);

        assertThat(e.ready()).isEqualTo(ReadyState.REFUSED);
        assertThat(e.kind()).isEqualTo(ServerKind.NONE);
        assertThat(e.responseTime()).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void settingsBodiesTellTheKinds() {
        assertThat(EndpointProbe.kindFromSettings(FakeAllTalk.V1_SETTINGS)).isEqualTo(ServerKind.V1);
        assertThat(EndpointProbe.kindFromSettings(FakeAllTalk.V2_SETTINGS)).isEqualTo(ServerKind.V2);
        assertThat(EndpointProbe.kindFromSettings("{\"talkhost_standin\" : true, \"deepspeed_status\": false}"))
                .as("only the header marks the stand-in")
                .isEqualTo(ServerKind.V1);
        assertThat(EndpointProbe.kindFromSettings("{\"detail\":\"Not Found\"}")).isEqualTo(ServerKind.FOREIGN);
    }
}
