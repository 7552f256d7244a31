package org.talkhost.health.internal;

import org.talkhost.api.notice.Messages;

/** The health bundle's message catalog: its people-facing texts ({@code messages.properties} beside this class). */
final class HealthCatalog {
    static final Messages TEXT = Messages.of(HealthCatalog.class, "health");

    private HealthCatalog() {}
}
