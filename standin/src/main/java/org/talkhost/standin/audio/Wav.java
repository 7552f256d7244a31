package org.talkhost.standin.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** 16-bit PCM WAV files: writing them, AllTalk's streaming header, and reading what espeak-ng writes. */
public final class Wav {

    /** XTTS's output rate, and the rate of every stand-in output. */
    public static final int RATE = 24_000;

    private Wav() {}

    /** Decoded mono 16-bit audio. */
    public record Pcm(short[] samples, int rate) {}

    /** A 44-byte header for mono 16-bit PCM of the given data size. */
    public static byte[] header(int rate, int dataBytes) {
        return header(rate, 36 + dataBytes, dataBytes);
    }

    /**
     * The header AllTalk sends first in a stream: Python's wave module writing zero frames, so the data
     * size is 0 and the RIFF size is 36 (the header alone). The real sizes are never known.
     */
    public static byte[] streamingHeader() {
        return header(RATE, 36, 0);
    }

    private static byte[] header(int rate, int riffSize, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(riffSize).put(new byte[] {'W', 'A', 'V', 'E'});
        b.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 1);
        b.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put(new byte[] {'d', 'a', 't', 'a'}).putInt(dataBytes);
        return b.array();
    }

    /** Little-endian bytes of the samples. */
    public static byte[] bytes(short[] samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    /** Samples from little-endian bytes (the inverse of {@link #bytes}). */
    public static short[] samples(byte[] bytes) {
        short[] out = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }

    /** A whole WAV file in memory. */
    public static byte[] file(short[] samples, int rate) {
        byte[] data = bytes(samples);
        byte[] out = new byte[44 + data.length];
        System.arraycopy(header(rate, data.length), 0, out, 0, 44);
        System.arraycopy(data, 0, out, 44, data.length);
        return out;
    }

    public static void write(Path file, short[] samples, int rate) throws IOException {
        Files.write(file, file(samples, rate));
    }

    /** Writes 16-bit PCM, or 32-bit float when {@code floating} (see {@link #floatFile}). */
    public static void write(Path file, short[] samples, int rate, boolean floating) throws IOException {
        Files.write(file, floating ? floatFile(samples, rate) : file(samples, rate));
    }

    /**
     * A mono 32-bit float WAV file, as torchaudio.save writes a float32 tensor: format 3 (IEEE float),
     * an 18-byte "fmt " chunk (cbSize 0) and a "fact" chunk before "data", so the data starts at byte 58.
     */
    public static byte[] floatFile(short[] samples, int rate) {
        int data = samples.length * 4;
        ByteBuffer b = ByteBuffer.allocate(58 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(50 + data).put(new byte[] {'W', 'A', 'V', 'E'});
        b.put(new byte[] {'f', 'm', 't', ' '}).putInt(18).putShort((short) 3).putShort((short) 1);
        b.putInt(rate).putInt(rate * 4).putShort((short) 4).putShort((short) 32).putShort((short) 0);
        b.put(new byte[] {'f', 'a', 'c', 't'}).putInt(4).putInt(samples.length);
        b.put(new byte[] {'d', 'a', 't', 'a'}).putInt(data);
        for (short s : samples) {
            b.putFloat(s / 32768f);
        }
        return b.array();
    }

    /**
     * Reads 16-bit PCM WAV bytes, mixing channels down to mono. Tolerates the bogus sizes espeak-ng
     * writes to a pipe (it cannot seek back): the data runs to the end of the bytes.
     */
    public static Pcm read(byte[] wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException("not a RIFF/WAVE file");
        }
        int rate = 0;
        int channels = 1;
        int bits = 16;
        int pos = 12;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int start = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                channels = b.getShort(start + 2);
                rate = b.getInt(start + 4);
                bits = b.getShort(start + 14);
            } else if (id == 0x61746164) { // "data"
                if (bits != 16 || rate <= 0 || channels < 1) {
                    throw new IOException("only 16-bit PCM is supported, not " + bits + "-bit");
                }
                int end = (int) Math.min(wav.length, start + size);
                int frames = (end - start) / (2 * channels);
                short[] mono = new short[frames];
                for (int f = 0; f < frames; f++) {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += b.getShort(start + (f * channels + c) * 2);
                    }
                    mono[f] = (short) (sum / channels);
                }
                return new Pcm(mono, rate);
            }
            pos = (int) Math.min(wav.length, start + size + (size & 1));
        }
        throw new IOException("no audio data in the WAV file");
    }
}
