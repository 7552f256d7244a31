package org.talkhost.itests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a WAV file holds, as a listener would judge it: is it a WAV, how long, how loud (RMS, 0..1). */
record WavFacts(int sampleRate, int channels, int bitsPerSample, double seconds, double rms) {

    /** Reads a 16-bit PCM WAV; throws AssertionError with a plain reason when it is not one. */
    static WavFacts read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("No file was written at " + file);
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 44 || !tag(b, 0).equals("RIFF") || !tag(b, 8).equals("WAVE")) {
            throw new AssertionError(file + " is not a WAV file (" + b.remaining() + " bytes)");
        }
        int rate = 0;
        int channels = 0;
        int bits = 0;
        int pos = 12;
        while (pos + 8 <= b.limit()) {
            String id = tag(b, pos);
            int size = b.getInt(pos + 4);
            int body = pos + 8;
            if (id.equals("fmt ")) {
                channels = b.getShort(body + 2);
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14);
            } else if (id.equals("data")) {
                int end = size <= 0 || body + size > b.limit() ? b.limit() : body + size;
                return facts(b, body, end, rate, channels, bits, file);
            }
            pos = body + size + (size & 1);
        }
        throw new AssertionError(file + " has no data chunk");
    }

    private static WavFacts facts(ByteBuffer b, int from, int to, int rate, int channels, int bits, Path file) {
        if (bits != 16 || rate <= 0 || channels <= 0) {
            throw new AssertionError(file + " is not 16-bit PCM (" + bits + " bits, " + rate + " Hz)");
        }
        long samples = (to - from) / 2;
        double sum = 0;
        for (int i = from; i + 1 < to; i += 2) {
            double s = b.getShort(i) / 32768.0;
            sum += s * s;
        }
        double rms = samples == 0 ? 0 : Math.sqrt(sum / samples);
        return new WavFacts(rate, channels, bits, samples / (double) (rate * channels), rms);
    }

    private static String tag(ByteBuffer b, int at) {
        byte[] t = new byte[4];
        for (int i = 0; i < 4; i++) {
            t[i] = b.get(at + i);
        }
        return new String(t, StandardCharsets.US_ASCII);
    }
}
