package org.talkhost.api.audio;

import java.nio.file.Path;

/**
 * What to say and where.
 *
 * @param text     the words
 * @param voice    voice name, or empty for the default
 * @param language language code, or empty for the default
 * @param toFile   write a WAV file here instead of the configured sinks, or null
 * @param stream   prefer streaming (start playing at the first chunk) when the server can
 * @param volume   0..1
 */
public record SpeakRequest(String text, String voice, String language, Path toFile, boolean stream, double volume) {

    public SpeakRequest {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("There is nothing to say: give some text.");
        }
        voice = voice == null ? "" : voice;
        language = language == null ? "" : language;
        if (volume < 0 || volume > 1) {
            throw new IllegalArgumentException("The volume must be between 0 and 1, not " + volume + ".");
        }
    }

    public static SpeakRequest of(String text) {
        return new SpeakRequest(text, "", "", null, true, 1.0);
    }
}
