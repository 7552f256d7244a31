package org.talkhost.gateway.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Whether the HTTP runtime really listens on the gateway's address: it says so through its endpoints
 * ({@code http://127.0.0.1:7850/}). When instead another program holds the port (a second TalkHost, say),
 * the runtime cannot start there and only logs a bind failure; this check tells it apart (the port
 * cannot be bound, twice in a row) and reports it once. Checks each second for up to {@value #CHECKS}
 * seconds after each change of address.
 */
final class ListenCheck {
    static final int CHECKS = 60;

    /** What the check found. */
    enum Found {
        LISTENING,
        TAKEN
    }

    private final ScheduledExecutorService timer;
    private final Supplier<List<String>> endpoints;
    private final Consumer<Found> report;
    private ScheduledFuture<?> running;

    /**
     * @param endpoints the HTTP runtimes' endpoints now
     * @param report    told once per address: LISTENING, or TAKEN by another program
     */
    ListenCheck(ScheduledExecutorService timer, Supplier<List<String>> endpoints, Consumer<Found> report) {
        this.timer = timer;
        this.endpoints = endpoints;
        this.report = report;
    }

    /** Starts watching {@code bind:port} (and stops watching the address before). */
    synchronized void expect(String bind, int port) {
        if (running != null) {
            running.cancel(false);
        }
        int[] strikes = {0, 0};
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        Runnable tick = () -> {
            Found f = look(bind, port, strikes);
            if (f != null || ++strikes[1] >= CHECKS) {
                self[0].cancel(false);
                if (f != null) {
                    report.accept(f);
                }
            }
        };
        self[0] = timer.scheduleWithFixedDelay(tick, 1, 1, TimeUnit.SECONDS);
        running = self[0];
    }

    synchronized void stop() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }

    /** LISTENING, TAKEN (the second time in a row the port is held and no runtime of ours is on it), or null. */
    Found look(String bind, int port, int[] strikes) {
        String suffix = ":" + port + "/";
        if (endpoints.get().stream().anyMatch(e -> e.endsWith(suffix) || e.endsWith(":" + port))) {
            return Found.LISTENING;
        }
        if (canBind(bind, port)) {
            strikes[0] = 0;
            return null;
        }
        return ++strikes[0] >= 2 ? Found.TAKEN : null;
    }

    static boolean canBind(String bind, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(bind), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
