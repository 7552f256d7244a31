package org.talkhost.api.config;

import java.net.URI;

/** Where an AllTalk API answers. */
public record ServerAddress(String host, int port) {

    public ServerAddress {
        if (host == null || host.isBlank()) {
            host = "127.0.0.1";
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("A port must be between 1 and 65535, not " + port + ".");
        }
    }

    public URI base() {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
