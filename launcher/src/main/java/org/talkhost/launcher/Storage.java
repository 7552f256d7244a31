package org.talkhost.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The framework's storage. The shared one, {@code runtime/felix-cache}, is kept between starts for speed and
 * wiped when the set of bundle files (path, size, modification time) changes, so a rebuild is always seen.
 * Only the launch that holds {@code runtime/felix-cache.lock} may use or wipe it; a second launch in the same
 * home while another runs (a one-shot {@code --exec} beside the service) gets a fresh storage of its own,
 * {@code runtime/felix-cache.PID}, removed when it ends, so it can never damage the running host's cache.
 */
final class Storage implements AutoCloseable {
    private static final String PRIVATE_PREFIX = "felix-cache.";

    private final Path runtime;
    private final Path shared;
    private final Path stamp;
    private FileChannel lockFile;
    private FileLock lock;
    private Path dir;

    Storage(Path runtime) {
        this.runtime = runtime;
        this.shared = runtime.resolve("felix-cache");
        this.stamp = runtime.resolve("bundles.fingerprint");
        this.dir = shared;
    }

    /** The storage to give the framework: the shared one, or this launch's own (known once prepared). */
    Path dir() {
        return dir;
    }

    /** Whether this launch uses the shared storage (it holds its lock). */
    boolean isShared() {
        return lock != null;
    }

    /**
     * Takes the shared storage when no other launch holds it, and cleans it when the bundles changed (or when
     * forced); otherwise makes this launch's own empty storage. Returns true when the storage starts empty.
     */
    boolean prepare(List<Path> bundleFiles, boolean force) throws IOException {
        Files.createDirectories(runtime);
        if (lock == null && !tryLock()) {
            dir = runtime.resolve(PRIVATE_PREFIX + ProcessHandle.current().pid());
            delete(dir);
            Files.createDirectories(dir);
            return true;
        }
        dir = shared;
        removeLeftovers();
        String fingerprint = fingerprint(bundleFiles);
        String previous = Files.exists(stamp) ? Files.readString(stamp, StandardCharsets.UTF_8) : "";
        boolean clean = force || !fingerprint.equals(previous) || !Files.isDirectory(shared);
        if (clean) {
            delete(shared);
            Files.writeString(stamp, fingerprint, StandardCharsets.UTF_8);
        }
        return clean;
    }

    /** Ends this launch's use: removes its own storage, or lets go of the shared one. */
    @Override
    public synchronized void close() {
        try {
            if (lock == null && !dir.equals(shared)) {
                delete(dir);
            }
            if (lockFile != null) {
                lockFile.close(); // releases the lock
            }
        } catch (IOException e) {
            // a leftover private storage is removed by a later launch
        } finally {
            lock = null;
            lockFile = null;
        }
    }

    static String fingerprint(List<Path> files) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Path f : files) {
            b.append(f)
                    .append(' ')
                    .append(Files.size(f))
                    .append(' ')
                    .append(Files.getLastModifiedTime(f).toMillis())
                    .append('\n');
        }
        return b.toString();
    }

    private boolean tryLock() throws IOException {
        FileChannel channel = FileChannel.open(
                runtime.resolve("felix-cache.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another launch inside this same JVM
        }
        if (lock == null) {
            channel.close();
            return false;
        }
        lockFile = channel;
        return true;
    }

    /** Own storages of launches that ended without removing theirs (killed): their process is gone. */
    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> all = Files.newDirectoryStream(runtime, PRIVATE_PREFIX + "*")) {
            for (Path p : all) {
                String pid = p.getFileName().toString().substring(PRIVATE_PREFIX.length());
                if (pid.chars().allMatch(Character::isDigit)
                        && !pid.isEmpty()
                        && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    delete(p);
                }
            }
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
