package org.talkhost.api.config;

import java.net.URI;

/** Where an AllTalk API answers. */
public record ServerAddress(String host, int port) {

    public ServerAddress {
        if (host == null || host.isBlank()) {
            host = "127.0.0.1";
        }
        if (!valid(port)) {
            throw new IllegalArgumentException("A port must be between 1 and 65535, not " + port + ".");
        }
    }

    /** AllTalk's default API port, used when the settings name no valid port at all. */
    public static final int DEFAULT_PORT = 7851;

    /**
     * Where the settings say AllTalk answers: the chosen {@code port} when it is a valid port, else the
     * first valid candidate of {@code ports}, else {@value #DEFAULT_PORT}.
     */
    public static ServerAddress configured(AllTalkSettings s) {
        if (valid(s.port())) {
            return new ServerAddress(s.host(), s.port());
        }
        if (s.ports() != null) {
            for (int p : s.ports()) {
                if (valid(p)) {
                    return new ServerAddress(s.host(), p);
                }
            }
        }
        return new ServerAddress(s.host(), DEFAULT_PORT);
    }

    private static boolean valid(int port) {
        return port >= 1 && port <= 65535;
    }

    /** True when this address is on this machine (see {@link #onThisMachine(String)}). */
    public boolean onThisMachine() {
        return onThisMachine(host);
    }

    /**
     * True when {@code host} names this machine's loopback ({@code localhost}, {@code 127.x.x.x}, {@code ::1}, or
     * the bind-all {@code 0.0.0.0} / {@code ::}), read from the text alone: no name is looked up. Null or blank
     * is this machine (as the constructor makes it 127.0.0.1).
     */
    public static boolean onThisMachine(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(java.util.Locale.ROOT);
        return h.isEmpty()
                || h.equals("localhost")
                || h.startsWith("127.")
                || h.equals("::1")
                || h.equals("[::1]")
                || h.equals("0.0.0.0") // a bind address written as the host: connecting to it reaches this machine
                || h.equals("::");
    }

    public URI base() {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
