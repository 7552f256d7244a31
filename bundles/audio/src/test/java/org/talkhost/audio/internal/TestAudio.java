package org.talkhost.audio.internal;

/** Sound made up for tests: sine waves as 16-bit little-endian mono PCM, and WAV files of them. */
final class TestAudio {
    static final int RATE = 24000;

    private TestAudio() {
    }

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

    static double rms(byte[] pcm) {
        PcmMeter m = new PcmMeter();
        m.add(pcm, 0, pcm.length);
        return m.rms();
    }
}
