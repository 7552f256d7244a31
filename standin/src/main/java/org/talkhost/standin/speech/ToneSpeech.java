package org.talkhost.standin.speech;

import java.util.Locale;

import org.talkhost.standin.audio.Wav;

/**
 * The fallback without espeak-ng: one clearly audible tone per word (about 0.35 s each), pitched by
 * voice (female higher, male lower) and varied per word, so the output is never silence.
 */
public final class ToneSpeech implements Speech {

    private static final double WORD_SECONDS = 0.30;
    private static final double GAP_SECONDS = 0.05;
    private static final double AMPLITUDE = 0.35;

    @Override
    public short[] speak(String sentence, String voice, String language, double speed) {
        String[] words = sentence.trim().split("\\s+");
        int count = Math.max(1, words[0].isEmpty() ? 0 : words.length);
        double s = speed <= 0 ? 1 : speed;
        int wordLength = (int) (Wav.RATE * WORD_SECONDS / s);
        int gapLength = (int) (Wav.RATE * GAP_SECONDS / s);
        short[] out = new short[count * (wordLength + gapLength)];
        double base = voice != null && voice.toLowerCase(Locale.ROOT).contains("female") ? 220 : 130;
        for (int w = 0; w < count; w++) {
            String word = w < words.length ? words[w] : "";
            double freq = base * (1 + (Math.floorMod(word.hashCode(), 7)) / 12.0);
            tone(out, w * (wordLength + gapLength), wordLength, freq);
        }
        return out;
    }

    /** A voice-like tone: a fundamental with two harmonics and soft edges. */
    private static void tone(short[] out, int start, int length, double freq) {
        int ramp = Math.max(1, Wav.RATE / 100);
        for (int i = 0; i < length; i++) {
            double t = (double) i / Wav.RATE;
            double envelope = Math.min(1, Math.min(i, length - 1 - i) / (double) ramp);
            double v = Math.sin(2 * Math.PI * freq * t)
                    + 0.5 * Math.sin(4 * Math.PI * freq * t)
                    + 0.25 * Math.sin(6 * Math.PI * freq * t);
            out[start + i] = (short) (AMPLITUDE / 1.75 * envelope * v * Short.MAX_VALUE);
        }
    }

    @Override
    public String kind() {
        return "synthetic-tone";
    }
}
