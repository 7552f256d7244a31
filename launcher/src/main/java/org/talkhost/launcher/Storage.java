package org.talkhost.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The framework's storage under {@code runtime/felix-cache}, kept between starts for speed and wiped
 * when the set of bundle files (path, size, modification time) changes, so a rebuild is always seen.
 */
final class Storage {
    private final Path dir;
    private final Path stamp;

    Storage(Path runtime) {
        this.dir = runtime.resolve("felix-cache");
        this.stamp = runtime.resolve("bundles.fingerprint");
    }

    Path dir() {
        return dir;
    }

    /** Cleans the storage when the bundles changed (or when forced); returns true when it did. */
    boolean prepare(List<Path> bundleFiles, boolean force) throws IOException {
        String fingerprint = fingerprint(bundleFiles);
        String previous = Files.exists(stamp) ? Files.readString(stamp, StandardCharsets.UTF_8) : "";
        boolean clean = force || !fingerprint.equals(previous) || !Files.isDirectory(dir);
        if (clean) {
            delete(dir);
            Files.createDirectories(dir.getParent());
            Files.writeString(stamp, fingerprint, StandardCharsets.UTF_8);
        }
        return clean;
    }

    static String fingerprint(List<Path> files) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Path f : files) {
            b.append(f).append(' ').append(Files.size(f)).append(' ')
                    .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
        }
        return b.toString();
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
