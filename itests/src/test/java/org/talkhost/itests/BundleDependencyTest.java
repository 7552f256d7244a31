package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The dependency rule of the design: implementation bundles depend on the api and on libraries only,
 * never on each other, and export nothing (so the graph has no cycles).
 */
class BundleDependencyTest {

    @Test
    void implementationBundlesImportOnlyTheApiAndLibraries() throws IOException {
        Map<String, Manifest> impl = implementationManifests();
        assertThat(impl).as("implementation bundles built").hasSizeGreaterThanOrEqualTo(9);
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Manifest> e : impl.entrySet()) {
            String imports = String.valueOf(e.getValue().getMainAttributes().getValue("Import-Package"));
            String exports = e.getValue().getMainAttributes().getValue("Export-Package");
            if (exports != null && !exports.isBlank()) {
                violations.add(e.getKey() + " exports " + exports + " (only the api bundle may export)");
            }
            for (String other : impl.keySet()) {
                String area = other.substring("talkhost-".length());
                if (!other.equals(e.getKey()) && imports.contains("org.talkhost." + area + ".")) {
                    violations.add(e.getKey() + " imports a package of " + other);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static Map<String, Manifest> implementationManifests() throws IOException {
        Map<String, Manifest> result = new HashMap<>();
        try (Stream<Path> modules = Files.list(TalkHostExam.source().resolve("bundles"))) {
            for (Path m : (Iterable<Path>) modules::iterator) {
                String name = m.getFileName().toString();
                if (name.equals("api") || name.equals("httpclient5") || !Files.isDirectory(m.resolve("target"))) {
                    continue;
                }
                try (Stream<Path> jars = Files.list(m.resolve("target"))) {
                    Path jar = jars.filter(p -> p.toString().endsWith("-SNAPSHOT.jar"))
                            .findFirst()
                            .orElse(null);
                    if (jar != null) {
                        try (JarFile j = new JarFile(jar.toFile())) {
                            result.put("talkhost-" + name, j.getManifest());
                        }
                    }
                }
            }
        }
        return result;
    }
}
