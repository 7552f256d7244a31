package org.talkhost.logging.internal;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A log file rotated by size like Python's {@code RotatingFileHandler}: when the next line would take
 * {@code name} past {@code maxBytes}, {@code name.N-1} becomes {@code name.N} ... {@code name} becomes
 * {@code name.1}, and a new {@code name} starts. No file is ever larger than {@code maxBytes} (a longer line
 * is cut), so the set never exceeds {@code (backups + 1) * maxBytes}. Appends; each line is one
 * {@code write} to the operating system, so nothing waits in a buffer. Not thread-safe: the caller locks.
 */
final class RotatingFile implements AutoCloseable {
    static final int MIN_BYTES = 1024;
    private static final byte[] CUT = " [cut]\n".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private long maxBytes;
    private int backups;
    private OutputStream out;
    private long size;

    RotatingFile(Path file, long maxBytes, int backups) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        limits(maxBytes, backups);
        open();
    }

    Path path() {
        return file;
    }

    /** New limits apply from the next line; backups beyond the new count are deleted now. */
    void limits(long newMaxBytes, int newBackups) throws IOException {
        this.maxBytes = Math.max(MIN_BYTES, newMaxBytes);
        this.backups = Math.max(0, newBackups);
        deleteBackupsBeyond(this.backups);
    }

    void append(String line) throws IOException {
        byte[] bytes = fit(line.getBytes(StandardCharsets.UTF_8));
        if (size + bytes.length > maxBytes && size > 0) {
            rotate();
        }
        out.write(bytes);
        size += bytes.length;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private void open() throws IOException {
        out = new FileOutputStream(file.toFile(), true);
        size = Files.size(file);
    }

    private void rotate() throws IOException {
        close();
        if (backups == 0) {
            Files.deleteIfExists(file);
        } else {
            Files.deleteIfExists(backup(backups));
            for (int i = backups - 1; i >= 1; i--) {
                if (Files.exists(backup(i))) {
                    Files.move(backup(i), backup(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(file, backup(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    /** A line longer than a whole file is cut (at a character boundary) so that the bound holds. */
    private byte[] fit(byte[] bytes) {
        if (bytes.length <= maxBytes) {
            return bytes;
        }
        int cut = (int) maxBytes - CUT.length;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--;
        }
        byte[] shorter = new byte[cut + CUT.length];
        System.arraycopy(bytes, 0, shorter, 0, cut);
        System.arraycopy(CUT, 0, shorter, cut, CUT.length);
        return shorter;
    }

    private Path backup(int i) {
        return file.resolveSibling(file.getFileName() + "." + i);
    }

    private void deleteBackupsBeyond(int keep) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String prefix = file.getFileName() + ".";
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, prefix + "*")) {
            for (Path p : all) {
                String tail = p.getFileName().toString().substring(prefix.length());
                if (tail.matches("\\d{1,6}") && Integer.parseInt(tail) > keep) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
