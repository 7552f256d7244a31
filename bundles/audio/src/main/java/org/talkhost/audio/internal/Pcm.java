package org.talkhost.audio.internal;

/**
 * Decoded sound: 16-bit little-endian signed samples, interleaved when there are several channels.
 *
 * @param sampleRate frames per second
 * @param channels   1 for AllTalk
 * @param data       the sample bytes, a whole number of frames
 */
record Pcm(int sampleRate, int channels, byte[] data) {

    double seconds() {
        return seconds(data.length, sampleRate, channels);
    }

    static double seconds(long bytes, int sampleRate, int channels) {
        return sampleRate <= 0 || channels <= 0 ? 0 : bytes / (2.0 * channels * sampleRate);
    }
}
