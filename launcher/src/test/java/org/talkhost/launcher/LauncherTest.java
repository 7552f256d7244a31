package org.talkhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleException;

class LauncherTest {
    private static final Path SOURCE = Paths.get("..").toAbsolutePath().normalize();

    @Test
    void optionsParseAndBadOnesAreExplained() {
        Path home = Paths.get("/tmp/h");
        Options exec = Options.parse(new String[] {"--exec", "alltalk:status"}, home, SOURCE);
        assertThat(exec.mode).isEqualTo(Options.Mode.EXEC);
        assertThat(exec.command).isEqualTo("alltalk:status");
        assertThat(exec.feature).isEqualTo(SOURCE.resolve("features/talkhost.json"));
        assertThat(Options.parse(new String[] {"--no-shell"}, home, SOURCE).mode)
                .isEqualTo(Options.Mode.SERVICE);
        assertThat(Options.parse(new String[] {"--help"}, home, SOURCE).mode).isEqualTo(Options.Mode.HELP);
        assertThatThrownBy(() -> Options.parse(new String[] {"--exec"}, home, SOURCE))
                .hasMessageContaining("--exec needs a command");
        assertThatThrownBy(() -> Options.parse(new String[] {"--fast"}, home, SOURCE))
                .hasMessage("\"--fast\" is not an option TalkHost knows.");
    }

    @Test
    void helpNamesEveryOption() {
        assertThat(Options.USAGE).contains("--exec", "--no-shell", "--feature", "--home", "--clean", "--help");
    }

    @Test
    void badArgumentsExitWithStatusTwo() {
        assertThat(Main.run(new String[] {"--nonsense"})).isEqualTo(2);
    }

    @Test
    void everyBundleOfTheFeatureIsBuiltOrFetched() throws Exception {
        FeatureFile feature = FeatureFile.read(SOURCE.resolve("features/talkhost.json"));
        BundleLocator locator = new BundleLocator(SOURCE, BundleLocator.defaultRepository());
        List<String> missing = new ArrayList<>();
        for (FeatureFile.Entry e : feature.bundles) {
            if (!e.coordinates().startsWith("org.talkhost:")
                    && locator.locate(e).isEmpty()) {
                missing.add(e.coordinates());
            }
        }
        assertThat(missing)
                .as("feature bundles the build did not fetch (features/pom.xml out of step?)")
                .isEmpty();
        assertThat(feature.bundles.get(0).artifactId()).startsWith("pax-logging");
        assertThat(feature.bundles.get(feature.bundles.size() - 1).artifactId())
                .isEqualTo("org.apache.felix.gogo.shell");
    }

    @Test
    void defaultsAreSeededTypedAndUserFilesAreKept(@TempDir Path dir) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("mode", "auto");
        values.put("port", 0);
        values.put("ports", new Integer[] {7851, 7852});
        values.put("healthTimeoutSeconds", 1.5);
        values.put("stopOnExit", true);
        Files.writeString(dir.resolve("org.talkhost.health.config"), "intervalSeconds=I\"9\"\n");
        List<Path> written = ConfigSeeder.writeMissing(
                dir, Map.of("org.talkhost.alltalk", values, "org.talkhost.health", Map.of("intervalSeconds", 5)));
        assertThat(written).containsExactly(dir.resolve("org.talkhost.alltalk.config"));
        assertThat(Files.readString(dir.resolve("org.talkhost.alltalk.config")))
                .contains(
                        "mode=\"auto\"\n",
                        "port=I\"0\"\n",
                        "ports=I[\"7851\",\"7852\"]\n",
                        "healthTimeoutSeconds=D\"1.5\"\n",
                        "stopOnExit=B\"true\"\n");
        assertThat(Files.readString(dir.resolve("org.talkhost.health.config"))).isEqualTo("intervalSeconds=I\"9\"\n");
    }

    @Test
    void aMissingPackageIsExplainedInPlainWords() {
        BundleException e = new BundleException(
                "Unable to resolve talkhost-health [29](R 29.0): missing requirement "
                        + "[talkhost-health [29](R 29.0)] osgi.wiring.package; (&(osgi.wiring.package=org.apache.felix.hc.api)"
                        + "(version>=2.0.0))",
                BundleException.RESOLVE_ERROR);
        assertThat(BundleReport.explain(e))
                .isEqualTo("it needs the Java package org.apache.felix.hc.api, which no "
                        + "installed bundle provides. Add the bundle that exports it to features/talkhost.json.");
    }

    @Test
    void storageIsCleanedOnlyWhenTheBundlesChange(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "x");
        Storage storage = new Storage(dir.resolve("runtime"));
        assertThat(storage.prepare(List.of(jar), false)).isTrue();
        Files.createDirectories(storage.dir());
        assertThat(storage.prepare(List.of(jar), false)).isFalse();
        Files.writeString(jar, "changed");
        assertThat(storage.prepare(List.of(jar), false)).isTrue();
    }
}
