package org.talkhost.standin.audio;

/** Changes the sample rate of mono 16-bit audio by linear interpolation between neighbouring samples. */
public final class Resampler {

    private Resampler() {}

    public static short[] resample(short[] in, int fromRate, int toRate) {
        if (fromRate == toRate || in.length == 0) {
            return in.clone();
        }
        int outLength = (int) ((long) in.length * toRate / fromRate);
        short[] out = new short[outLength];
        double step = (double) fromRate / toRate;
        for (int i = 0; i < outLength; i++) {
            double pos = i * step;
            int left = (int) pos;
            int right = Math.min(left + 1, in.length - 1);
            double frac = pos - left;
            double value = in[left] * (1 - frac) + in[right] * frac;
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
        }
        return out;
    }
}
