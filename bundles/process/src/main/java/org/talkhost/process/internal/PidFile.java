package org.talkhost.process.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

import org.talkhost.api.config.Mode;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.ServerKind;

/**
 * {@code runtime/alltalk.pid}: the AllTalk this TalkHost started (pid, start time, address, mode), so
 * that a new Supervisor (after a bundle swap or a TalkHost restart) adopts it as its own.
 */
final class PidFile {

    /** What the file says. {@code started} is the process start time, which tells a reused pid apart. */
    record Entry(long pid, Instant started, ServerAddress address, Mode mode, ServerKind kind) {

        /** The process, when it still runs and is the one that was started (same start time). */
        Optional<ProcessHandle> liveProcess() {
            return ProcessHandle.of(pid).filter(Liveness::running).filter(h -> {
                Optional<Instant> start = h.info().startInstant();
                return started == null
                        || start.isEmpty()
                        || Duration.between(start.get(), started).abs().toMillis() <= 1000;
            });
        }
    }

    private final Path file;

    PidFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    void write(Entry e) throws IOException {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(e.pid()));
        if (e.started() != null) {
            p.setProperty("started", Long.toString(e.started().toEpochMilli()));
        }
        p.setProperty("host", e.address().host());
        p.setProperty("port", Integer.toString(e.address().port()));
        p.setProperty("mode", e.mode().name());
        p.setProperty("kind", e.kind().name());
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "The AllTalk started by TalkHost");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The entry, or empty when there is no file or it cannot be read. */
    Optional<Entry> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            String started = p.getProperty("started");
            return Optional.of(new Entry(
                    Long.parseLong(p.getProperty("pid", "0").trim()),
                    started == null ? null : Instant.ofEpochMilli(Long.parseLong(started.trim())),
                    new ServerAddress(
                            p.getProperty("host", "127.0.0.1"),
                            Integer.parseInt(p.getProperty("port").trim())),
                    Mode.valueOf(p.getProperty("mode", "STANDIN").trim()),
                    ServerKind.valueOf(p.getProperty("kind", "UNKNOWN").trim())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing to do: a stale file is recognised by its start time
        }
    }
}
