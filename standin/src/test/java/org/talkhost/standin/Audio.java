package org.talkhost.standin;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Audio checks for tests: decoding with javax.sound and measuring length and loudness. */
final class Audio {

    private Audio() {}

    record Decoded(AudioFormat format, short[] samples) {
        double seconds() {
            return samples.length / (double) format.getSampleRate();
        }

        /** Root mean square as a fraction of full scale. */
        double rms() {
            double sum = 0;
            for (short s : samples) {
                sum += (s / 32768.0) * (s / 32768.0);
            }
            return samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
        }
    }

    static Decoded decode(byte[] wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            byte[] pcm = in.readAllBytes();
            short[] samples = new short[pcm.length / 2];
            ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            return new Decoded(in.getFormat(), samples);
        }
    }

    /** A streamed WAV has zero sizes in its header; write the real ones so any WAV reader takes it. */
    static byte[] patchSizes(byte[] stream) {
        byte[] copy = stream.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(4, copy.length - 8);
        b.putInt(40, copy.length - 44);
        return copy;
    }
}
