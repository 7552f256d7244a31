package org.talkhost.audio.internal;

/**
 * Turns 16-bit sound of one rate and channel count into another, so that pieces of one utterance that came
 * in different formats (a stream at 24 kHz mono, a file at 22.05 kHz stereo) go into one file or one device.
 * Channels are mixed or copied; the rate is changed by linear interpolation.
 */
final class PcmConverter {
    private final int fromRate;
    private final int fromChannels;
    private final int toRate;
    private final int toChannels;

    PcmConverter(int fromRate, int fromChannels, int toRate, int toChannels) {
        this.fromRate = fromRate;
        this.fromChannels = fromChannels;
        this.toRate = toRate;
        this.toChannels = toChannels;
    }

    boolean changesNothing() {
        return fromRate == toRate && fromChannels == toChannels;
    }

    /** Whole frames in, whole frames out. */
    byte[] convert(byte[] pcm, int offset, int length) {
        int frames = length / (2 * fromChannels);
        double[] mono = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < fromChannels; c++) {
                int at = offset + 2 * (f * fromChannels + c);
                sum += (short) ((pcm[at] & 0xff) | (pcm[at + 1] << 8));
            }
            mono[f] = sum / fromChannels;
        }
        int outFrames = (int) ((long) frames * toRate / fromRate);
        byte[] out = new byte[outFrames * 2 * toChannels];
        for (int f = 0; f < outFrames; f++) {
            double pos = (double) f * fromRate / toRate;
            int i = (int) pos;
            double next = i + 1 < frames ? mono[i + 1] : mono[i];
            int s = (int) Math.round(mono[i] + (next - mono[i]) * (pos - i));
            for (int c = 0; c < toChannels; c++) {
                int at = 2 * (f * toChannels + c);
                out[at] = (byte) s;
                out[at + 1] = (byte) (s >> 8);
            }
        }
        return out;
    }
}
