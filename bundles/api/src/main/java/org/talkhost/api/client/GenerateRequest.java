package org.talkhost.api.client;

import java.util.Map;

/**
 * A request to speak. Only {@code text} is required; empty fields take the server's or TalkHost's
 * defaults (for v1 every field is filled in before sending).
 *
 * @param text            what to say
 * @param voice           character voice ("female_01.wav"); empty for the default
 * @param language        language code ("en"; v2 also "auto"); empty for the default
 * @param narratorVoice   narrator voice; empty for the default
 * @param narrator        narrator on/off
 * @param outputFileName  base name of the output file ([a-zA-Z0-9_]+); empty for "talkhost"
 * @param timestamp       add a timestamp to the file name
 * @param extra           further v2 fields sent as given (speed, pitch, temperature, ...)
 */
public record GenerateRequest(
        String text,
        String voice,
        String language,
        String narratorVoice,
        boolean narrator,
        String outputFileName,
        boolean timestamp,
        Map<String, String> extra) {

    public GenerateRequest {
        if (text == null || text.isBlank()) {
            throw new RejectedInputException(
                    "text_input", "There is no text to speak. Give some words to say.", "empty text");
        }
        voice = voice == null ? "" : voice;
        language = language == null ? "" : language;
        narratorVoice = narratorVoice == null ? "" : narratorVoice;
        outputFileName = outputFileName == null ? "" : outputFileName;
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** Just the text, everything else default. */
    public static GenerateRequest of(String text) {
        return new GenerateRequest(text, "", "", "", false, "", true, Map.of());
    }

    public GenerateRequest withVoice(String v) {
        return new GenerateRequest(text, v, language, narratorVoice, narrator, outputFileName, timestamp, extra);
    }

    public GenerateRequest withLanguage(String l) {
        return new GenerateRequest(text, voice, l, narratorVoice, narrator, outputFileName, timestamp, extra);
    }
}
