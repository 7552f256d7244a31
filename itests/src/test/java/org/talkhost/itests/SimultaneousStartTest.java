package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two TalkHosts in two homes, started at the same moment with nothing running, ten times in a row: each time
 * exactly one AllTalk server runs and both hosts use it (the machine-wide start lock, then adoption).
 */
class SimultaneousStartTest {
    private static final int ROUNDS = 10;
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Pattern USING = Pattern.compile("is ready on|already running on|is still running on");

    @BeforeEach
    void standardPortsAreFree() {
        FixedPorts.assertFreeAndNoStandinRunning();
    }

    @Test
    void twoHostsStartedTogetherRunOneServerAndBothUseIt() {
        for (int round = 1; round <= ROUNDS; round++) {
            try (ScenarioHome a = ScenarioHome.create("standinArgs=\"--load-seconds 0\"");
                    ScenarioHome b = ScenarioHome.create("standinArgs=\"--load-seconds 0\"");
                    HostProcess first = HostProcess.service(a);
                    HostProcess second = HostProcess.service(b)) {
                first.awaitLine(USING, 0, READY);
                second.awaitLine(USING, 0, READY);
                int r = round;
                List<ProcessHandle> servers =
                        await().atMost(Duration.ofSeconds(5)).until(StandinProcesses::all, l -> !l.isEmpty());
                assertThat(servers)
                        .as(
                                "round %d: servers from two hosts started together: %s",
                                r, StandinProcesses.describe(servers))
                        .hasSize(1);
                assertThat(first.console().all() + second.console().all())
                        .as("round %d: nobody reported a crash", r)
                        .doesNotContain("stopped unexpectedly");
            }
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> StandinProcesses.all().isEmpty());
        }
    }
}
