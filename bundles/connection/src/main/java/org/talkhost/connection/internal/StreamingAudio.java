package org.talkhost.connection.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.talkhost.api.client.AudioStream;
import org.talkhost.api.client.ServerFailureException;

/**
 * Speech from {@code /api/tts-generate-streaming} as it arrives: the 44-byte WAV header is read (its
 * size fields are 0 while streaming, which is fine; a header for anything but 16-bit PCM, such as the
 * 32-bit float AllTalk writes to files, is refused) and {@link #pcm()} gives the 16-bit PCM that
 * follows, each chunk as soon as AllTalk sends it. Cancelling or closing before the end drops the
 * connection and asks AllTalk to stop generating. The whole stream has the generation timeout: then
 * reading fails with an {@link InterruptedIOException} and the stream ends, closed or not.
 */
final class StreamingAudio implements AudioStream {
    static final int HEADER_BYTES = 44;
    static final int DEFAULT_RATE = 24_000;

    private final HttpTransport.Exchange exchange;
    private final Runnable stopOnServer;
    private final Runnable onEnd;
    private final int sampleRate;
    private final InputStream pcm;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean complete;
    private volatile boolean cancelled;
    private volatile boolean timedOut;

    /**
     * Reads the header of an open streaming answer.
     *
     * @param stopOnServer sends {@code PUT /api/stop-generation}
     * @param onEnd        runs once when the stream ends, however it ends
     */
    StreamingAudio(HttpTransport.Exchange exchange, Runnable stopOnServer, Runnable onEnd) throws IOException {
        this.exchange = exchange;
        this.stopOnServer = stopOnServer;
        this.onEnd = onEnd;
        InputStream body = exchange.body();
        byte[] header = body.readNBytes(HEADER_BYTES);
        this.sampleRate = sampleRate(header, exchange.where);
        this.pcm = new Pcm(body);
        // A stream nobody closes still ends at the generation timeout, so it is not counted in flight forever.
        exchange.onExpiry = this::expired;
        if (exchange.expired.get()) {
            expired();
        }
    }

    /** The sample rate in a WAV header; refuses what is not a WAV header. */
    static int sampleRate(byte[] header, String where) {
        if (header.length < HEADER_BYTES
                || !ascii(header, 0).equals("RIFF")
                || !ascii(header, 8).equals("WAVE")) {
            throw new ServerFailureException(
                    200,
                    ConnectionCatalog.TEXT.text("failure.notWav", where),
                    "streaming answer does not start with a 44-byte WAV header (" + header.length + " bytes read)",
                    null);
        }
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int format = b.getShort(20) & 0xffff;
        int bits = b.getShort(34) & 0xffff;
        if ((format != 1 && format != 0xFFFE) || bits != 16) {
            // AllTalk streams 16-bit PCM only; anything else (e.g. 32-bit float) would play as noise.
            throw new ServerFailureException(
                    200,
                    ConnectionCatalog.TEXT.text("failure.streamFormat", where),
                    "streaming answer is WAV format " + format + " with " + bits + "-bit samples, not 16-bit PCM",
                    null);
        }
        int rate = b.getInt(24);
        return rate > 0 ? rate : DEFAULT_RATE;
    }

    private static String ascii(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.US_ASCII);
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public InputStream pcm() {
        return pcm;
    }

    @Override
    public synchronized void cancel() {
        if (complete || ended.get()) {
            end();
            return;
        }
        cancelled = true;
        exchange.abort();
        try {
            stopOnServer.run();
        } finally {
            end();
        }
    }

    @Override
    public void close() {
        cancel();
    }

    private void expired() {
        timedOut = true;
        end();
    }

    private InterruptedIOException timeout() {
        return new InterruptedIOException(
                ConnectionCatalog.TEXT.text("busy.timeout", exchange.where, ClientSettings.seconds(exchange.timeout)));
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            exchange.end();
            onEnd.run();
        }
    }

    /** The PCM as it arrives; ends cleanly (-1) after a cancel. */
    private final class Pcm extends FilterInputStream {
        Pcm(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (cancelled) {
                return -1;
            }
            if (timedOut) {
                throw timeout();
            }
            if (ended.get()) {
                return -1;
            }
            try {
                int n = in.read(b, off, len);
                if (n < 0) {
                    complete = true;
                    end();
                }
                return n;
            } catch (IOException e) {
                if (cancelled) {
                    return -1;
                }
                throw timedOut ? timeout() : e;
            }
        }

        @Override
        public void close() {
            StreamingAudio.this.close();
        }
    }
}
