package org.talkhost.launcher;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Uncompressed copies of the bundles, for the framework's kept storage. Felix reads every class a bundle loads
 * from the bundle's copy in its storage, the class-data archive's classes too (the JVM matches them by their
 * bytes), so each start inflated a few thousand class files: with the entries stored, about 4 % of every start
 * goes (the storage takes 43 MB on disk instead of 19 MB). The copies are made once, when the storage is new,
 * on a thread of their own while the framework initialises, ahead of the installs that wait for them.
 */
final class StoredJar implements AutoCloseable {
    private final ExecutorService worker;
    private final List<CompletableFuture<Path>> copies = new ArrayList<>();
    private final Path dir;
    private final Set<Integer> taken = new HashSet<>();

    private StoredJar(List<Path> jars, Path dir) {
        this.dir = dir;
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "talkhost-stored-copies");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < jars.size(); i++) {
            Path jar = jars.get(i);
            Path target = target(i);
            copies.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            copy(jar, target);
                            return target;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    worker));
        }
    }

    /** Starts copying {@code jars}, in order, into {@code dir}. */
    static StoredJar start(List<Path> jars, Path dir) throws IOException {
        Files.createDirectories(dir);
        return new StoredJar(jars, dir);
    }

    /** The stored copy of the {@code index}-th jar, once made (the caller deletes it when installed). */
    Path take(int index) throws IOException, InterruptedException {
        try {
            Path copy = copies.get(index).get();
            taken.add(index);
            return copy;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
    }

    /** Stops copying (waiting for the copy under way) and removes the copies nobody took. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < copies.size(); i++) {
            if (!taken.contains(i)) {
                try {
                    Files.deleteIfExists(target(i));
                } catch (IOException e) {
                    // left in the storage, which Felix ignores and a later clean start removes
                }
            }
        }
    }

    private Path target(int index) {
        return dir.resolve("stored-" + index + ".jar");
    }

    /** Writes {@code jar} to {@code target} with every entry stored, in the same order, with the same times. */
    static void copy(Path jar, Path target) throws IOException {
        try (ZipFile in = new ZipFile(jar.toFile());
                OutputStream file = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
            out.setMethod(ZipOutputStream.STORED);
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry source = entries.nextElement();
                // size and CRC are of the uncompressed bytes, known from the jar's directory (ZipOutputStream
                // checks both as it writes)
                ZipEntry entry = new ZipEntry(source.getName());
                entry.setTime(source.getTime());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(source.getSize());
                entry.setCompressedSize(source.getSize());
                entry.setCrc(source.getCrc());
                out.putNextEntry(entry);
                try (InputStream data = in.getInputStream(source)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }
}
