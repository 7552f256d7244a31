package org.talkhost.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.talkhost.api.health.HealthState;
import org.talkhost.api.notice.Notice;
import org.talkhost.health.internal.ProbeResult.Outcome;

class HealthNoticesTest {
    private final HealthNotices notices = new HealthNotices();
    private final HealthNotices.Context ctx = new HealthNotices.Context(
            HealthSettings.defaults().withDeepCheckEvery(Duration.ofMinutes(10)),
            "127.0.0.1:7851",
            Duration.ofSeconds(20));
    private static final ProbeResult TIMEOUT = ProbeResult.failed(
            Outcome.TIMEOUT,
            Duration.ofMillis(1500),
            "AllTalk did not answer in time.",
            "java.net.SocketTimeoutException: Read timed out");

    private static Change change(HealthState from, HealthState to, String code, ProbeResult r, Problem p) {
        return new Change(
                Instant.EPOCH,
                from,
                to,
                code,
                r,
                0,
                to == HealthState.DOWN || to == HealthState.RECONNECTING ? Duration.ofSeconds(15) : null,
                Duration.ofSeconds(5),
                p);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "busy",
                "degraded.unloaded",
                "degraded.notready",
                "degraded.slow",
                "degraded.memory",
                "degraded.gpu",
                "degraded.deep",
                "starting",
                "down.restart",
                "down.restart.never",
                "down.reconnect",
                "down.never",
                "down.stopped",
                "reconnecting",
                "reconnecting.restart"
            })
    void everyTextIsFilledInAndPlain(String code) {
        HealthState to = code.startsWith("down")
                ? HealthState.DOWN
                : code.startsWith("reconnecting")
                        ? HealthState.RECONNECTING
                        : code.startsWith("degraded")
                                ? HealthState.DEGRADED
                                : code.equals("busy") ? HealthState.BUSY : HealthState.STARTING;
        ProbeResult r = code.startsWith("degraded.") && !code.endsWith("slow") && !code.contains("deep")
                ? ProbeResult.notReady("Unloaded", Duration.ofMillis(3))
                : TIMEOUT;
        Problem p = code.endsWith("memory") || code.endsWith("gpu")
                ? new Problem(code.substring(9), "9000", 8000)
                : code.endsWith("deep") ? new Problem("deep", "AllTalk could not make the speech.", 0) : null;
        Change c = change(HealthState.READY, to, code, r, p);
        Notice n = notices.notice(c, ctx);
        assertThat(n.code()).isEqualTo("health." + code);
        assertPlain(n.text());
        String reason = notices.reason(c, ctx);
        assertThat(reason).doesNotContain("{").isNotEqualTo("reason." + code).doesNotContain("Exception");
        assertThat(n.level())
                .isEqualTo(
                        to == HealthState.DOWN || to == HealthState.DEGRADED
                                ? Notice.Level.WARNING
                                : Notice.Level.INFO);
    }

    @Test
    void readyTextsDependOnWhereItCameFrom() {
        ProbeResult ok = ProbeResult.ready(Duration.ofMillis(3));
        for (HealthState from :
                List.of(HealthState.UNKNOWN, HealthState.STARTING, HealthState.BUSY, HealthState.DEGRADED)) {
            Notice n = notices.notice(change(from, HealthState.READY, "ready", ok, null), ctx);
            assertPlain(n.text());
            assertThat(n.level()).isEqualTo(Notice.Level.INFO);
        }
        Change back = new Change(
                Instant.EPOCH,
                HealthState.RECONNECTING,
                HealthState.READY,
                "ready",
                ok,
                0,
                Duration.ofMillis(22_600),
                Duration.ofSeconds(5),
                null);
        assertThat(notices.notice(back, ctx).text()).startsWith("AllTalk is answering again after 23 seconds.");
    }

    @Test
    void downWordsSayWhatHappenedAndWhatHappensNext() {
        Change restart = change(HealthState.READY, HealthState.DOWN, "down.restart", TIMEOUT, null);
        assertThat(notices.notice(restart, ctx).text())
                .isEqualTo("AllTalk stopped answering 15 seconds ago. "
                        + "Restarting it now; this usually takes about 20 seconds.");
        assertThat(notices.reason(restart, ctx))
                .isEqualTo("3 checks in a row failed (no answer within 1.5 "
                        + "seconds); no answer for 15 seconds; asking for a restart");
        Change never = change(
                HealthState.UNKNOWN,
                HealthState.DOWN,
                "down.never",
                ProbeResult.failed(Outcome.UNREACHABLE, Duration.ZERO, "Nothing answers.", "Connection refused"),
                null);
        assertThat(notices.notice(never, ctx).text()).startsWith("AllTalk is not answering at 127.0.0.1:7851");
        assertThat(notices.reason(never, ctx)).contains("nothing answers at 127.0.0.1:7851");
    }

    private static void assertPlain(String text) {
        assertThat(text)
                .startsWith("AllTalk")
                .endsWith(".")
                .doesNotContain("{")
                .doesNotContain("null")
                .doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("timeout")
                .doesNotContain("HTTP")
                .doesNotContain("health.");
    }
}
