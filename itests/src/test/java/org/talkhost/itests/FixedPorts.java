package org.talkhost.itests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import org.awaitility.core.ConditionTimeoutException;

/** The standard ports 7851 and 7852, which the scenario tests need for themselves. */
final class FixedPorts {
    static final int FIRST = 7851;
    static final int SECOND = 7852;

    private FixedPorts() {}

    /**
     * Waits (up to 15 s, for a program that is just ending) until 7851 and 7852 are free and no stand-in
     * server runs anywhere (TalkHost would adopt it); fails with a plain explanation otherwise.
     */
    static void assertFreeAndNoStandinRunning() {
        try {
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> free(FIRST)
                            && free(SECOND)
                            && StandinProcesses.all().isEmpty());
        } catch (ConditionTimeoutException e) {
            List<ProcessHandle> standins = StandinProcesses.all();
            throw new AssertionError("The scenario tests need ports " + FIRST + " and " + SECOND
                    + " free and no other AllTalk stand-in running, because TalkHost adopts any AllTalk it finds. "
                    + "Port " + FIRST + (free(FIRST) ? " is free" : " is in use") + ", port " + SECOND
                    + (free(SECOND) ? " is free" : " is in use") + "; stand-in processes: "
                    + (standins.isEmpty() ? "none" : StandinProcesses.describe(standins))
                    + ". Stop that program (another TalkHost, AllTalk, or a test still running) and run again.");
        }
    }

    /** Nothing answers on 127.0.0.1:{@code port} and it can be bound on every address. */
    static boolean free(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return false;
        } catch (IOException refused) {
            // nothing answers: see whether it can be bound
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
