package org.talkhost.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.InstanceIdentity;
import org.talkhost.api.config.Instances;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.process.Phase;
import org.talkhost.common.testing.Configs;

class PhaseEventsTest {

    private final AllTalkWhere where = instance(Instances.DEFAULT);
    private final List<AllTalkWhere.PhaseChange> heard = new CopyOnWriteArrayList<>();

    private static AllTalkWhere instance(String name) {
        return new AllTalkWhere(
                Configs.of(AllTalkSettings.class), Configs.of(InstanceIdentity.class, "talkhost_instance", name));
    }

    private static PhaseEvents heardBy(AllTalkWhere... instances) {
        PhaseEvents events = new PhaseEvents();
        events.instances.addAll(List.of(instances));
        return events;
    }

    @Test
    void aPhaseEventReachesTheGatewayWithItsExplanationAndAddress() {
        where.listen(heard::add);
        heardBy(where)
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
        PhaseEvents events = heardBy(where);
        events.handleEvent(new Event("org/talkhost/process/NOTICE", Map.of("message", "hello")));
        events.handleEvent(new Event("org/talkhost/process/X", Map.of("phase", "NO_SUCH_PHASE")));

        assertThat(heard).isEmpty();
    }

    @Test
    void anInstancesEventReachesOnlyThatInstance() {
        AllTalkWhere gpu1 = instance("gpu1");
        List<AllTalkWhere.PhaseChange> heardByGpu1 = new CopyOnWriteArrayList<>();
        where.listen(heard::add);
        gpu1.listen(heardByGpu1::add);
        PhaseEvents events = heardBy(where, gpu1);

        events.handleEvent(new Event(
                "org/talkhost/process/RESTARTING",
                Map.of(Instances.EVENT_PROPERTY, "gpu1", "phase", "RESTARTING", "explanation", "again")));
        events.handleEvent(new Event("org/talkhost/process/READY", Map.of("phase", "READY", "explanation", "ready")));

        assertThat(heardByGpu1).extracting(AllTalkWhere.PhaseChange::phase).containsExactly(Phase.RESTARTING);
        assertThat(gpu1.unusable()).as("gpu1 is restarting").isNotNull();
        assertThat(heard)
                .as("an event without an instance is the default instance's")
                .extracting(AllTalkWhere.PhaseChange::phase)
                .containsExactly(Phase.READY);
    }
}
