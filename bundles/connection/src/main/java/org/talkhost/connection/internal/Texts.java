package org.talkhost.connection.internal;

import org.talkhost.api.notice.Messages;

/** The connection bundle's message catalog ({@code messages.properties} beside this class). */
final class Texts {
    static final Messages CATALOG = Messages.of(Texts.class, "connection");

    private Texts() {
    }

    static String get(String key, Object... args) {
        return CATALOG.text(key, args);
    }
}
