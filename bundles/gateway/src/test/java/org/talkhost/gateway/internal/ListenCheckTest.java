package org.talkhost.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.Test;

/** Telling "the runtime listens on the gateway's port" from "another program holds it" (a second TalkHost). */
class ListenCheckTest {
    private final List<String> endpoints = new ArrayList<>();
    private final ListenCheck check = new ListenCheck(mock(ScheduledExecutorService.class), () -> endpoints, f -> {});

    @Test
    void aRuntimeEndpointOnThePort_isListening() throws Exception {
        try (ServerSocket ours = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            endpoints.add("http://127.0.0.1:" + ours.getLocalPort() + "/");
            assertThat(check.look("127.0.0.1", ours.getLocalPort(), new int[1])).isEqualTo(ListenCheck.Found.LISTENING);
        }
    }

    @Test
    void aPortHeldByAnotherProgram_isTakenOnTheSecondLook() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            endpoints.add("http://127.0.0.1:1/");
            int[] strikes = new int[1];
            assertThat(check.look("127.0.0.1", other.getLocalPort(), strikes))
                    .as("our runtime may be binding now")
                    .isNull();
            assertThat(check.look("127.0.0.1", other.getLocalPort(), strikes)).isEqualTo(ListenCheck.Found.TAKEN);
        }
    }

    @Test
    void aFreePortWithoutRuntime_isStillStarting() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int[] strikes = new int[1];
        assertThat(check.look("127.0.0.1", port, strikes)).isNull();
        assertThat(check.look("127.0.0.1", port, strikes)).isNull();
    }
}
