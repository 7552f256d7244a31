package org.talkhost.audio.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The 44-byte header of a 16-bit PCM WAV file. */
final class WavHeader {
    static final int SIZE = 44;

    private WavHeader() {}

    static byte[] of(int sampleRate, int channels, long dataBytes) {
        int frame = 2 * channels;
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt((int) Math.min(0xFFFFFFFFL, 36 + dataBytes)).put(ascii("WAVE"));
        b.put(ascii("fmt "))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) channels)
                .putInt(sampleRate)
                .putInt(sampleRate * frame)
                .putShort((short) frame)
                .putShort((short) 16);
        b.put(ascii("data")).putInt((int) Math.min(0xFFFFFFFFL, dataBytes));
        return b.array();
    }

    /** A whole WAV file holding {@code pcm}. */
    static byte[] wrap(int sampleRate, int channels, byte[] pcm) {
        byte[] out = new byte[SIZE + pcm.length];
        System.arraycopy(of(sampleRate, channels, pcm.length), 0, out, 0, SIZE);
        System.arraycopy(pcm, 0, out, SIZE, pcm.length);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
