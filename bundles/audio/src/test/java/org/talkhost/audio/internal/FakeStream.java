package org.talkhost.audio.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.talkhost.api.client.AudioStream;

/**
 * A stream of PCM that the test feeds chunk by chunk: it stays open (reads block) until the test ends
 * it, like AllTalk still generating.
 */
final class FakeStream implements AudioStream {
    private static final byte[] END = new byte[0];
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final int sampleRate;

    FakeStream(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    FakeStream push(byte[] chunk) {
        chunks.add(chunk.clone());
        return this;
    }

    /** The server finished generating. */
    FakeStream end() {
        if (ended.compareAndSet(false, true)) {
            chunks.add(END);
        }
        return this;
    }

    boolean ended() {
        return ended.get();
    }

    boolean cancelled() {
        return cancelled.get();
    }

    boolean closed() {
        return closed.get();
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public InputStream pcm() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int pos;
            private boolean eof;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                while (!eof && pos >= current.length) {
                    try {
                        byte[] next = chunks.poll(20, TimeUnit.SECONDS);
                        if (next == null) {
                            throw new IOException("fake stream: nothing for 20 s");
                        }
                        eof = next == END;
                        current = next;
                        pos = 0;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                }
                if (eof) {
                    return -1;
                }
                int n = Math.min(len, current.length - pos);
                System.arraycopy(current, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Override
    public void cancel() {
        cancelled.set(true);
        end();
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
