package org.talkhost.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A TalkHost folder of a scenario's own (config/, log/, runtime/), with AllTalk on the standard ports
 * 7851 then 7852. Deleted when closed.
 */
final class ScenarioHome implements AutoCloseable {
    private final Path dir;

    private ScenarioHome(Path dir) {
        this.dir = dir;
    }

    /** A new folder whose {@code org.talkhost.alltalk} settings hold {@code lines} plus the standard ports. */
    static ScenarioHome create(String... lines) {
        try {
            ScenarioHome home = new ScenarioHome(Files.createTempDirectory("talkhost-scenario"));
            List<String> all = new ArrayList<>(List.of(lines));
            all.add("ports=I[\"7851\",\"7852\"]");
            return home.config("org.talkhost.alltalk", all.toArray(new String[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code config/<pid>.config} (Felix typed format). */
    ScenarioHome config(String pid, String... lines) {
        try {
            Files.write(
                    Files.createDirectories(dir.resolve("config")).resolve(pid + ".config"),
                    List.of(lines),
                    StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code config/<pid>.config} says now. */
    String config(String pid) {
        return read(dir.resolve("config").resolve(pid + ".config"));
    }

    Path dir() {
        return dir;
    }

    Path resolve(String relative) {
        return dir.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
