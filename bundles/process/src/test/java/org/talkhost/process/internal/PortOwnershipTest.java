package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class PortOwnershipTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void aSocketThisProcessTreeListensOnIsOursAndAnotherTreesIsNot() throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try (ServerSocket s = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int port = s.getLocalPort();

            assertThat(PortOwnership.system().of(ProcessHandle.current(), port)).isEqualTo(PortOwnership.Owner.OURS);
            assertThat(PortOwnership.system().of(other.toHandle(), port)).isEqualTo(PortOwnership.Owner.OTHERS);
        } finally {
            other.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void withoutProcTheOwnerIsUnknown(@TempDir Path empty) {
        assertThat(new PortOwnership(empty).of(ProcessHandle.current(), 7851)).isEqualTo(PortOwnership.Owner.UNKNOWN);
    }

    @Test
    void onlyListeningSocketsOnThatPortCount(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("tcp");
        Files.writeString(
                table,
                String.join(
                        "\n",
                        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                        "   0: 0100007F:1EAB 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1",
                        "   1: 0100007F:1EAB 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 222 1",
                        "   2: 0100007F:1EAC 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 333 1"));

        assertThat(PortOwnership.listening(table, 7851)).containsExactly("111");
    }
}
