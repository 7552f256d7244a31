package org.talkhost.gateway.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** OpenAI voice names (alloy, echo, ...) and the AllTalk voice each speaks with, from {@code NAME=VOICE} lines. */
final class VoiceMap {
    private final Map<String, String> voices;

    private VoiceMap(Map<String, String> voices) {
        this.voices = voices;
    }

    static VoiceMap parse(String[] lines) {
        Map<String, String> m = new LinkedHashMap<>();
        if (lines != null) {
            for (String line : lines) {
                int eq = line == null ? -1 : line.indexOf('=');
                if (eq > 0 && eq < line.length() - 1) {
                    m.put(
                            line.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                            line.substring(eq + 1).strip());
                }
            }
        }
        return new VoiceMap(m);
    }

    /** The AllTalk voice for {@code name}: mapped, or the name itself when it already is a voice file; else null. */
    String voiceFor(String name) {
        if (name == null) {
            return null;
        }
        String mapped = voices.get(name.strip().toLowerCase(Locale.ROOT));
        if (mapped != null) {
            return mapped;
        }
        return name.endsWith(".wav") ? name : null;
    }

    /** The names a client may use, for an error message. */
    String names() {
        return String.join(", ", voices.keySet());
    }
}
