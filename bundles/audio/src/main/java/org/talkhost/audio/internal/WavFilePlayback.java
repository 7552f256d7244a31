package org.talkhost.audio.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.talkhost.api.audio.AudioInfo;
import org.talkhost.api.audio.AudioSink;

/**
 * One utterance written to a WAV file as it comes; the sizes in the header are set on close.
 * An aborted utterance leaves no file behind.
 */
final class WavFilePlayback implements AudioSink.Playback, WritesFile {
    private final Path file;
    private final FileChannel channel;
    private final AudioInfo info;
    private long dataBytes;
    private boolean finished;

    private WavFilePlayback(Path file, FileChannel channel, AudioInfo info) {
        this.file = file;
        this.channel = channel;
        this.info = info;
    }

    static WavFilePlayback create(Path file, AudioInfo info) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel ch = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        try {
            writeFully(ch, ByteBuffer.wrap(WavHeader.of(info.sampleRate(), info.channels(), 0)));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new WavFilePlayback(file, ch, info);
    }

    @Override
    public synchronized void write(byte[] pcm, int offset, int length) throws IOException {
        if (finished) {
            return;
        }
        writeFully(channel, ByteBuffer.wrap(pcm, offset, length));
        dataBytes += length;
    }

    @Override
    public synchronized void abort() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing more to do: the file is incomplete either way
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        try (FileChannel ch = channel) {
            ch.position(0);
            writeFully(ch, ByteBuffer.wrap(WavHeader.of(info.sampleRate(), info.channels(), dataBytes)));
            ch.force(false);
        }
    }

    @Override
    public Path file() {
        return file;
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
