package org.talkhost.environment.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds a program on a PATH, as a shell would. The PATH is given, so tests can leave programs out. */
final class PathLookup {
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");

    private final List<Path> folders = new ArrayList<>();

    PathLookup(String path) {
        if (path != null) {
            for (String part : path.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    folders.add(Path.of(part.trim()));
                }
            }
        }
    }

    static PathLookup system() {
        return new PathLookup(System.getenv("PATH"));
    }

    /** The program: {@code name} itself when it is a path, else the first executable of that name on the PATH. */
    Optional<Path> find(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        if (name.contains("/") || name.contains(File.separator)) {
            Path p = Path.of(name);
            return executable(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir : folders) {
            for (String candidate : WINDOWS ? new String[] {name + ".exe", name + ".bat", name} : new String[] {name}) {
                Path p = dir.resolve(candidate);
                if (executable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    static boolean executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }
}
