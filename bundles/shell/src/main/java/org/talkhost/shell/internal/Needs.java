package org.talkhost.shell.internal;

import org.talkhost.common.PartMissing;

/** What a command says when a part of TalkHost it drives is away (its bundle restarting after an update). */
final class Needs {
    private Needs() {}

    /** {@code service}, or a plain sentence naming the {@code part} that is not running. */
    static <T> T need(T service, String part) {
        return PartMissing.need(service, () -> ShellCatalog.TEXT.text("shell.partMissing", part));
    }
}
