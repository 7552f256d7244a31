package org.talkhost.audio.internal;

/** Sound made up for tests: sine waves as 16-bit little-endian mono PCM, and WAV files of them. */
final class TestAudio {
    static final int RATE = 24000;

    private TestAudio() {}

    /** A 440 Hz sine; its RMS is {@code amplitude / sqrt(2)}. */
    static byte[] sine(double seconds, double amplitude) {
        return sine(0, (int) Math.round(seconds * RATE), amplitude);
    }

    /** Samples {@code from .. from+count} of the same 440 Hz sine (so chunks join up). */
    static byte[] sine(int from, int count, double amplitude) {
        byte[] pcm = new byte[count * 2];
        for (int i = 0; i < count; i++) {
            int s = (int) Math.round(Math.sin(2 * Math.PI * 440 * (from + i) / RATE) * amplitude * 32767);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return pcm;
    }

    static byte[] wav(byte[] pcm) {
        return WavHeader.wrap(RATE, 1, pcm);
    }

    /**
     * The same samples as a 32-bit float WAV, laid out as AllTalk's model (torchaudio.save) and the
     * stand-in's --float-wav write it: format 3, an 18-byte "fmt " chunk, a "fact" chunk, then "data".
     */
    static byte[] floatWav(byte[] pcm) {
        int samples = pcm.length / 2;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(58 + samples * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(50 + samples * 4)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(18)
                .putShort((short) 3)
                .putShort((short) 1)
                .putInt(RATE)
                .putInt(RATE * 4)
                .putShort((short) 4)
                .putShort((short) 32)
                .putShort((short) 0)
                .put("fact".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(4)
                .putInt(samples)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(samples * 4);
        java.nio.ShortBuffer in = java.nio.ByteBuffer.wrap(pcm)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer();
        while (in.hasRemaining()) {
            b.putFloat(in.get() / 32768f);
        }
        return b.array();
    }

    static double rms(byte[] pcm) {
        PcmMeter m = new PcmMeter();
        m.add(pcm, 0, pcm.length);
        return m.rms();
    }
}
