package org.talkhost.api.audio;

/**
 * What is about to be played: 16-bit little-endian signed PCM.
 *
 * @param sampleRate samples per second (AllTalk: 24000)
 * @param channels   1 for AllTalk
 * @param text       the text being spoken
 * @param voice      the voice used
 */
public record AudioInfo(int sampleRate, int channels, String text, String voice) {}
