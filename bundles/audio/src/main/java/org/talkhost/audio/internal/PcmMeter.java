package org.talkhost.audio.internal;

/** Counts samples and measures loudness (root mean square, 0..1 of full scale) as sound goes by. */
final class PcmMeter {
    private double sumOfSquares;
    private long samples;

    void add(byte[] pcm, int offset, int length) {
        int end = offset + length - 1;
        for (int i = offset; i < end; i += 2) {
            double s = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8)) / 32768.0;
            sumOfSquares += s * s;
            samples++;
        }
    }

    static PcmMeter of(Pcm pcm) {
        PcmMeter m = new PcmMeter();
        m.add(pcm.data(), 0, pcm.data().length);
        return m;
    }

    long samples() {
        return samples;
    }

    double rms() {
        return samples == 0 ? 0 : Math.sqrt(sumOfSquares / samples);
    }

    double seconds(int sampleRate, int channels) {
        return Pcm.seconds(samples * 2, sampleRate, channels);
    }
}
