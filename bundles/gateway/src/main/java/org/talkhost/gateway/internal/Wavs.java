package org.talkhost.gateway.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** The raw samples of a WAV file (what OpenAI's {@code pcm} format is: no header). */
final class Wavs {

    private Wavs() {}

    /** The bytes of the {@code data} chunk; the whole input when it is not a RIFF/WAVE file. */
    static byte[] pcm(byte[] wav) {
        if (wav.length < 12 || wav[0] != 'R' || wav[1] != 'I' || wav[2] != 'F' || wav[3] != 'F') {
            return wav;
        }
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (at + 8 <= wav.length) {
            String id = new String(wav, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = b.getInt(at + 4) & 0xffffffffL;
            int start = at + 8;
            if (id.equals("data")) {
                long end = size == 0 ? wav.length : Math.min(wav.length, start + size);
                return Arrays.copyOfRange(wav, start, (int) end);
            }
            at = (int) Math.min(wav.length, start + size + (size & 1));
        }
        return new byte[0];
    }
}
