package org.talkhost.audio.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a WAV file into 16-bit PCM. Takes 16-bit PCM as it is and converts 32-bit float (format 3,
 * what AllTalk's model writes for plain generation, previews and OpenAI "wav"; the headers have an
 * 18-byte "fmt " chunk and a "fact" chunk). Tolerant of the header AllTalk sends when it streams (size
 * fields 0 or 0xFFFFFFFF: the data runs to the end) and of extra chunks; refuses other sample formats.
 */
final class WavReader {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private WavReader() {}

    static Pcm read(byte[] b) throws NotSoundException {
        if (b.length < 12 || !tag(b, 0, "RIFF") || !tag(b, 8, "WAVE")) {
            throw new NotSoundException(
                    AnswerSniffer.describe(b),
                    "no RIFF/WAVE header; " + b.length + " bytes starting with: " + AnswerSniffer.excerpt(b, b.length));
        }
        int pos = 12;
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (pos + 8 <= b.length) {
            long size = u32(b, pos + 4);
            int body = pos + 8;
            if (tag(b, pos, "fmt ")) {
                if (size < 16 || body + 16 > b.length) {
                    throw unreadable("format chunk too short: " + size);
                }
                format = u16(b, body);
                if (format == FORMAT_EXTENSIBLE && size >= 40 && body + 26 <= b.length) {
                    format = u16(b, body + 24);
                }
                channels = u16(b, body + 2);
                rate = (int) u32(b, body + 4);
                bits = u16(b, body + 14);
            } else if (tag(b, pos, "data")) {
                return data(b, body, size, format, channels, rate, bits);
            }
            if (size > b.length - body) {
                break;
            }
            pos = body + (int) size + (int) (size & 1);
        }
        throw unreadable("no data chunk in " + b.length + " bytes");
    }

    private static Pcm data(byte[] b, int body, long size, int format, int channels, int rate, int bits)
            throws NotSoundException {
        if (format < 0) {
            throw unreadable("data chunk before the format chunk");
        }
        boolean pcm16 = (format == FORMAT_PCM || format == FORMAT_EXTENSIBLE) && bits == 16;
        boolean float32 = format == FORMAT_FLOAT && bits == 32;
        if (!pcm16 && !float32) {
            String form = format == 3 ? bits + "-bit floating point" : bits + "-bit, format " + format;
            throw new NotSoundException(
                    "audio.looked.format", "unsupported WAV format " + format + ", " + bits + " bits", form);
        }
        if (channels < 1 || rate <= 0) {
            throw unreadable("bad WAV format: " + channels + " channels, " + rate + " Hz");
        }
        int sampleBytes = bits / 8;
        long available = b.length - body;
        long n = size == 0 || size > available ? available : size;
        n -= n % ((long) sampleBytes * channels);
        if (n <= 0) {
            throw new NotSoundException("audio.looked.no-samples", "WAV without samples (data size " + size + ")");
        }
        byte[] data = float32 ? toPcm16(b, body, (int) n) : Arrays.copyOfRange(b, body, body + (int) n);
        return new Pcm(rate, channels, data);
    }

    /** 32-bit float samples (full scale is 1.0) as 16-bit PCM, clipped. */
    private static byte[] toPcm16(byte[] b, int from, int bytes) {
        byte[] out = new byte[bytes / 2];
        for (int i = 0, o = 0; i < bytes; i += 4, o += 2) {
            float f = Float.intBitsToFloat((int) u32(b, from + i));
            int s = Float.isNaN(f) ? 0 : (int) Math.max(-32768, Math.min(32767, Math.round(f * 32768.0)));
            out[o] = (byte) s;
            out[o + 1] = (byte) (s >> 8);
        }
        return out;
    }

    private static NotSoundException unreadable(String detail) {
        return new NotSoundException(AnswerSniffer.UNREADABLE, detail);
    }

    private static boolean tag(byte[] b, int at, String tag) {
        return at + 4 <= b.length && new String(b, at, 4, StandardCharsets.US_ASCII).equals(tag);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
}
