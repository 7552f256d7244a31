package org.talkhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two launches in one home: the second one must never damage the framework storage of the first. */
class StorageTest {

    @Test
    void aSecondLaunchLeavesTheCacheOfARunningHostAlone(@TempDir Path home) throws Exception {
        Path runtime = home.resolve("runtime");
        Path jar = Files.writeString(home.resolve("a.jar"), "x");
        Process running = holdCache(runtime, jar);
        try {
            Path used = Paths.get(firstLine(running));
            assertThat(used).isEqualTo(runtime.resolve("felix-cache"));
            List<String> before = listing(used);
            assertThat(before).isNotEmpty();

            Files.writeString(jar, "rebuilt"); // a rebuild since: the shared cache would be wiped
            try (Storage second = new Storage(runtime)) {
                assertThat(second.prepare(List.of(jar), true)).isTrue();

                assertThat(second.dir()).isNotEqualTo(used);
                assertThat(listing(used)).as("the running host's cache").containsAll(before);
                assertThat(second.dir()).isEmptyDirectory();
                Files.writeString(second.dir().resolve("its-own"), "x");
            }
            assertThat(Files.list(runtime).map(p -> p.getFileName().toString()))
                    .as("the second launch removed its own storage when it ended")
                    .containsOnly("felix-cache", "felix-cache.lock", "bundles.fingerprint");
            assertThat(running.isAlive()).isTrue();
        } finally {
            running.getOutputStream().close();
            if (!running.waitFor(20, TimeUnit.SECONDS)) {
                running.destroyForcibly();
            }
        }
        assertThat(running.exitValue())
                .as("the host stopped cleanly on its own cache")
                .isZero();
    }

    @Test
    void theSharedCacheIsUsedAndCleanedOnceNoLaunchHoldsIt(@TempDir Path home) throws Exception {
        Path runtime = home.resolve("runtime");
        Path jar = Files.writeString(home.resolve("a.jar"), "x");
        Files.createDirectories(runtime.resolve("felix-cache.999999999")); // of a launch killed long ago
        try (Storage first = new Storage(runtime)) {
            first.prepare(List.of(jar), false);
            Files.createDirectories(first.dir().resolve("bundle1"));
        }
        Files.writeString(jar, "rebuilt");
        try (Storage next = new Storage(runtime)) {
            assertThat(next.prepare(List.of(jar), false)).isTrue();
            assertThat(next.dir()).isEqualTo(runtime.resolve("felix-cache"));
            assertThat(next.dir().resolve("bundle1")).doesNotExist();
            assertThat(runtime.resolve("felix-cache.999999999")).doesNotExist();
        }
    }

    private static Process holdCache(Path runtime, Path jar) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CacheHolder.class.getName(),
                        runtime.toString(),
                        jar.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static String firstLine(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertThat(line).as("the first launch started").isNotNull();
        return line;
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
