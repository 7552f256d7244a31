package org.talkhost.audio.internal;

import java.util.Arrays;

/** Applies a volume (0..1) to 16-bit little-endian samples, into a fresh array. */
final class Volume {
    private Volume() {}

    static byte[] scaled(byte[] pcm, int offset, int length, double volume) {
        byte[] out = Arrays.copyOfRange(pcm, offset, offset + length);
        if (volume >= 1.0) {
            return out;
        }
        double v = Math.max(0, volume);
        for (int i = 0; i + 1 < out.length; i += 2) {
            int s = (short) ((out[i] & 0xff) | (out[i + 1] << 8));
            int scaled = (int) Math.round(s * v);
            out[i] = (byte) scaled;
            out[i + 1] = (byte) (scaled >> 8);
        }
        return out;
    }
}
