package org.talkhost.process.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code log/alltalk-server.log}: AllTalk's own output, written by the child process directly (so it
 * never blocks on a full pipe). Rotated at each start and when it grows past a bound; old copies are
 * {@code .1} (newest) to {@code .keep}.
 */
final class ServerLog {
    private final Path file;
    private final int keep;
    private final long maxBytes;

    ServerLog(Path file, int keep, long maxBytes) {
        this.file = file;
        this.keep = Math.max(1, keep);
        this.maxBytes = maxBytes;
    }

    Path file() {
        return file;
    }

    /** Before a start: the previous run's output becomes {@code .1}. */
    void rotateForStart() throws IOException {
        Files.createDirectories(file.getParent());
        shift();
        if (Files.exists(file)) {
            Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * While it runs: when the file is too big, copy it to {@code .1} and empty it. The child writes in
     * append mode, so its next line lands at the new end; a few lines written during the copy may be lost.
     */
    boolean rotateIfBig() {
        try {
            if (maxBytes <= 0 || !Files.exists(file) || Files.size(file) <= maxBytes) {
                return false;
            }
            shift();
            Files.copy(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(0);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A line from TalkHost itself (what was started, when). */
    void header(String text) throws IOException {
        Files.createDirectories(file.getParent());
        String line = "# " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + " TalkHost: " + text
                + System.lineSeparator();
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    long size() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private void shift() throws IOException {
        Files.deleteIfExists(numbered(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(numbered(i))) {
                Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    Path numbered(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }
}
