package org.talkhost.logging.internal;

import org.talkhost.api.notice.Messages;

/** The logging bundle's message catalog: its people-facing texts ({@code messages.properties} beside this class). */
final class LoggingCatalog {
    static final Messages TEXT = Messages.of(LoggingCatalog.class, "logging");

    private LoggingCatalog() {}
}
