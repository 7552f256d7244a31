package org.talkhost.api.client;

/**
 * An OpenAI-style {@code /v1/audio/speech} request (AllTalk v2 only).
 *
 * @param input  text, at most 4096 characters
 * @param voice  alloy, echo, fable, nova, onyx or shimmer
 * @param format wav (default), mp3, opus, aac, flac
 * @param speed  0.25 to 4
 */
public record SpeechRequest(String input, String voice, String format, double speed) {}
