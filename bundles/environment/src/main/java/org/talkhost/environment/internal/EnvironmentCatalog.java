package org.talkhost.environment.internal;

import org.talkhost.api.notice.Messages;

/** The environment bundle's message catalog: its people-facing texts ({@code messages.properties} beside this class). */
final class EnvironmentCatalog {
    static final Messages TEXT = Messages.of(EnvironmentCatalog.class, "environment");

    private EnvironmentCatalog() {}
}
