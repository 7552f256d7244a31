package org.talkhost.connection.internal;

import org.talkhost.api.notice.Messages;

/** The connection bundle's message catalog: its people-facing texts ({@code messages.properties} beside this class). */
final class ConnectionCatalog {
    static final Messages TEXT = Messages.of(ConnectionCatalog.class, "connection");

    private ConnectionCatalog() {}
}
