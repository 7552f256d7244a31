package org.talkhost.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.process.Phase;
import org.talkhost.common.testing.Configs;

class PhaseEventsTest {

    private final AllTalkWhere where = new AllTalkWhere(Configs.of(AllTalkSettings.class));
    private final List<AllTalkWhere.PhaseChange> heard = new CopyOnWriteArrayList<>();

    @Test
    void aPhaseEventReachesTheGatewayWithItsExplanationAndAddress() {
        where.listen(heard::add);
        new PhaseEvents(where)
                .handleEvent(new Event(
                        "org/talkhost/process/RESTARTING",
                        Map.of(
                                "phase", "RESTARTING",
                                "explanation", "AllTalk stopped unexpectedly; starting it again.",
                                "host", "127.0.0.1",
                                "port", 7852)));

        assertThat(heard)
                .containsExactly(new AllTalkWhere.PhaseChange(
                        Phase.RESTARTING,
                        "AllTalk stopped unexpectedly; starting it again.",
                        new ServerAddress("127.0.0.1", 7852)));
    }

    @Test
    void eventsWithoutAKnownPhaseAreLeftAlone() {
        where.listen(heard::add);
        PhaseEvents events = new PhaseEvents(where);
        events.handleEvent(new Event("org/talkhost/process/NOTICE", Map.of("message", "hello")));
        events.handleEvent(new Event("org/talkhost/process/X", Map.of("phase", "NO_SUCH_PHASE")));

        assertThat(heard).isEmpty();
    }
}
