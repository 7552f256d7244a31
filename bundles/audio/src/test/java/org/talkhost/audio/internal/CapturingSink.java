package org.talkhost.audio.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.talkhost.api.audio.AudioInfo;
import org.talkhost.api.audio.AudioSink;

/** A sink that keeps everything it is given; can be told to fail. */
final class CapturingSink implements AudioSink {
    enum Failure {
        NONE,
        ON_AVAILABLE,
        ON_OPEN,
        ON_WRITE
    }

    private final String name;
    private final Failure failure;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<AudioInfo> opened = new CopyOnWriteArrayList<>();
    final AtomicInteger closed = new AtomicInteger();
    final AtomicInteger aborted = new AtomicInteger();

    CapturingSink(String name) {
        this(name, Failure.NONE);
    }

    CapturingSink(String name, Failure failure) {
        this.name = name;
        this.failure = failure;
    }

    synchronized byte[] bytes() {
        return bytes.toByteArray();
    }

    synchronized int size() {
        return bytes.size();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean available() {
        if (failure == Failure.ON_AVAILABLE) {
            throw new IllegalStateException("broken add-on sink");
        }
        return true;
    }

    @Override
    public Playback open(AudioInfo info) throws IOException {
        if (failure == Failure.ON_OPEN) {
            throw new IOException("broken add-on sink");
        }
        opened.add(info);
        return new Playback() {
            @Override
            public void write(byte[] pcm, int offset, int length) {
                if (failure == Failure.ON_WRITE) {
                    throw new IllegalStateException("broken add-on sink");
                }
                synchronized (CapturingSink.this) {
                    bytes.write(pcm, offset, length);
                }
            }

            @Override
            public void abort() {
                aborted.incrementAndGet();
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }
}
