package org.talkhost.standin.api;

/**
 * A validated /api/tts-generate request, the same for both flavours.
 *
 * @param narrator "true", "false" or "silent" (v1's bool becomes "true"/"false")
 */
public record GenerateRequest(
        String text,
        String filtering,
        String characterVoice,
        String narrator,
        String narratorVoice,
        String textNotInside,
        String language,
        String outputName,
        boolean timestamp,
        double speed,
        boolean streaming) {

    public boolean narrated() {
        return "true".equalsIgnoreCase(narrator) || "silent".equalsIgnoreCase(narrator);
    }
}
