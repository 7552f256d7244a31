package org.talkhost.shell.internal;

import org.talkhost.api.notice.Messages;

/** The shell bundle's message catalog: its people-facing texts ({@code messages.properties} beside this class). */
final class ShellCatalog {
    static final Messages TEXT = Messages.of(ShellCatalog.class, "shell");

    private ShellCatalog() {}
}
