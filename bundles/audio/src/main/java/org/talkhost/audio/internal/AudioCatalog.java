package org.talkhost.audio.internal;

import org.talkhost.api.notice.Messages;

/** The audio bundle's message catalog: its people-facing texts ({@code messages.properties} beside this class). */
final class AudioCatalog {
    static final Messages TEXT = Messages.of(AudioCatalog.class, "audio");

    private AudioCatalog() {}
}
