package org.talkhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {
    private static final Path FEATURE =
            Paths.get("").toAbsolutePath().getParent().resolve("features").resolve("talkhost.json");

    @Test
    void aCachedFeatureSaysExactlyWhatTheFileSays(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("runtime").resolve("feature.cache");
        FeatureFile fromFile = FeatureFile.read(FEATURE);

        FeatureFile first = FeatureFile.read(FEATURE, cache);
        assertThat(cache).exists();
        FeatureFile cached = FeatureCache.read(cache, Files.readAllBytes(FEATURE));
        assertThat(cached)
                .as("the cache itself answers (a cache that cannot be read falls back to the file unseen)")
                .isNotNull();

        for (FeatureFile f : new FeatureFile[] {first, cached}) {
            assertThat(f.name).isEqualTo(fromFile.name);
            assertThat(f.bundles).isEqualTo(fromFile.bundles);
            assertThat(f.frameworkProperties).isEqualTo(fromFile.frameworkProperties);
            assertThat(f.configurations.keySet()).containsExactlyElementsOf(fromFile.configurations.keySet());
            fromFile.configurations.forEach((pid, values) -> {
                Map<String, Object> got = f.configurations.get(pid);
                assertThat(got.keySet()).as(pid).containsExactlyElementsOf(values.keySet());
                // same types too: Integer stays Integer, Integer[] stays Integer[], Double stays Double
                values.forEach((k, v) ->
                        assertThat(got.get(k)).as(pid + " " + k).isEqualTo(v).hasSameClassAs(v));
            });
        }
        assertThat(cached.configurations.get("org.talkhost.alltalk").get("ports"))
                .isEqualTo(new Integer[] {7851, 7852});
    }

    @Test
    void anEditedFeatureFileIsReadAgain(@TempDir Path dir) throws Exception {
        Path feature = dir.resolve("talkhost.json");
        Path cache = dir.resolve("feature.cache");
        String text = Files.readString(FEATURE);
        Files.writeString(feature, text);
        assertThat(FeatureFile.read(feature, cache).frameworkProperties).containsEntry("felix.fileinstall.poll", "200");

        // same length, other content: the checksum tells them apart
        Files.writeString(
                feature, text.replace("\"felix.fileinstall.poll\": \"200\"", "\"felix.fileinstall.poll\": \"300\""));
        assertThat(FeatureFile.read(feature, cache).frameworkProperties).containsEntry("felix.fileinstall.poll", "300");
    }

    @Test
    void aDamagedCacheIsNotUsed(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("feature.cache");
        FeatureFile.read(FEATURE, cache);
        byte[] bytes = Files.readAllBytes(cache);
        Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(FeatureCache.read(cache, Files.readAllBytes(FEATURE))).isNull();
        assertThat(FeatureFile.read(FEATURE, cache).bundles).isEqualTo(FeatureFile.read(FEATURE).bundles);
        assertThat(Files.size(cache)).as("written again whole").isEqualTo(bytes.length);
    }
}
