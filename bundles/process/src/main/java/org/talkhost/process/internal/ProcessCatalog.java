package org.talkhost.process.internal;

import org.talkhost.api.notice.Messages;

/** The process bundle's message catalog: its people-facing texts ({@code messages.properties} beside this class). */
final class ProcessCatalog {
    static final Messages TEXT = Messages.of(ProcessCatalog.class, "process");

    private ProcessCatalog() {}
}
