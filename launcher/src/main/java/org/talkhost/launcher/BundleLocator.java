package org.talkhost.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds the jar of a feature bundle: TalkHost's own bundles in the build tree ({@code bundles/X/target},
 * {@code examples/X/target}), everything else in the local Maven repository.
 */
public final class BundleLocator {
    private static final String OWN_GROUP = "org.talkhost";
    private final Path source;
    private final Path repository;

    public BundleLocator(Path source, Path repository) {
        this.source = source;
        this.repository = repository;
    }

    public static Path defaultRepository() {
        String local = System.getProperty("maven.repo.local");
        if (local != null && !local.isBlank()) {
            return Paths.get(local);
        }
        return Paths.get(System.getProperty("user.home"), ".m2", "repository");
    }

    public Optional<Path> locate(FeatureFile.Entry entry) throws IOException {
        String g = entry.groupId();
        String a = entry.artifactId();
        String v = entry.version();
        String jar = a + "-" + v + ".jar";
        if (OWN_GROUP.equals(g)) {
            for (String tree : new String[] {"bundles", "examples"}) {
                Path dir = source.resolve(tree);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> modules = Files.newDirectoryStream(dir, Files::isDirectory)) {
                    for (Path m : modules) {
                        Path candidate = m.resolve("target").resolve(jar);
                        if (Files.isRegularFile(candidate)) {
                            return Optional.of(candidate);
                        }
                    }
                }
            }
        }
        Path inRepo =
                repository.resolve(g.replace('.', '/')).resolve(a).resolve(v).resolve(jar);
        return Files.isRegularFile(inRepo) ? Optional.of(inRepo) : Optional.empty();
    }
}
