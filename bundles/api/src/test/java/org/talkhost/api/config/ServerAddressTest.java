package org.talkhost.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which hosts are this machine: there TalkHost may watch, start and stop processes; elsewhere never. */
class ServerAddressTest {

    @Test
    void loopbackNamesAndBindAllAddressesAreThisMachine() {
        for (String host :
                new String[] {"127.0.0.1", "127.0.1.1", "localhost", "LOCALHOST ", "::1", "[::1]", "0.0.0.0"}) {
            assertThat(new ServerAddress(host, 7851).onThisMachine()).as(host).isTrue();
        }
        assertThat(new ServerAddress("", 7851).onThisMachine())
                .as("no host: 127.0.0.1")
                .isTrue();
    }

    @Test
    void anyOtherHostIsAnotherMachineWithoutLookingItUp() {
        for (String host : new String[] {"gpu-box", "alltalk.default.svc.cluster.local", "192.168.1.20", "10.0.0.5"}) {
            assertThat(new ServerAddress(host, 7851).onThisMachine()).as(host).isFalse();
        }
    }
}
