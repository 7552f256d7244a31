package org.talkhost.ports.internal;

import org.talkhost.api.notice.Messages;

/** The ports bundle's message catalog: its people-facing texts ({@code messages.properties} beside this class). */
final class PortsCatalog {
    static final Messages TEXT = Messages.of(PortsCatalog.class, "ports");

    private PortsCatalog() {}
}
