package org.talkhost.process.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Reads the lines a child appends to its log file, from a given position on. A line ends at
 * {@code \n} or {@code \r} (progress bars redraw with {@code \r}). Copes with the file being emptied.
 */
final class LogTailer {
    private static final int CHUNK = 64 * 1024;
    private static final int LONGEST_LINE = 4096;

    private final Path file;
    private final Consumer<String> lines;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long position;

    LogTailer(Path file, long startAt, Consumer<String> lines) {
        this.file = file;
        this.position = startAt;
        this.lines = lines;
    }

    /** Reads what is new; returns the number of bytes read. */
    synchronized int poll() {
        try {
            long size = Files.exists(file) ? Files.size(file) : 0;
            if (size < position) {
                position = 0;
                pending.reset();
            }
            if (size == position) {
                return 0;
            }
            int total = 0;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocate(CHUNK);
                int n;
                while ((n = ch.read(buf, position)) > 0) {
                    position += n;
                    total += n;
                    split(buf.array(), n);
                    buf.clear();
                }
            }
            return total;
        } catch (IOException e) {
            return 0;
        }
    }

    /** At the end: whatever is left without a line end counts as a line. */
    synchronized void flush() {
        poll();
        emit();
    }

    private void split(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                emit();
            } else {
                pending.write(b);
                if (pending.size() >= LONGEST_LINE) {
                    emit();
                }
            }
        }
    }

    private void emit() {
        if (pending.size() > 0) {
            String line = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            lines.accept(line);
        }
    }
}
