package org.talkhost.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ops4j.pax.exam.Option;
import org.talkhost.launcher.BundleLocator;
import org.talkhost.launcher.ConfigSeeder;
import org.talkhost.launcher.FeatureFile;

/**
 * Pax Exam options that boot exactly the bundles of {@code features/talkhost.json} as built, with a
 * TalkHost folder of the test's own (config, log, runtime) and, unless a test says otherwise, a free
 * port for AllTalk so that tests never touch 7851/7852.
 */
public final class TalkHostExam {
    private static final String STORAGE_CLEAN = "org.osgi.framework.storage.clean";

    private TalkHostExam() {}

    /** The source tree (the reactor root). */
    public static Path source() {
        String s = System.getProperty("talkhost.source");
        Path p = s == null ? Paths.get("..") : Paths.get(s);
        return p.toAbsolutePath().normalize();
    }

    /** A new TalkHost folder whose AllTalk settings hold {@code allTalkConfigLines} (Felix .config format). */
    public static Path home(String... allTalkConfigLines) {
        try {
            Path home = Files.createTempDirectory("talkhost-itest");
            Path config = Files.createDirectories(home.resolve("config"));
            Files.copy(source().resolve("config/logback.xml"), config.resolve("logback.xml"));
            List<String> lines = new ArrayList<>(List.of(allTalkConfigLines));
            if (lines.stream().noneMatch(l -> l.startsWith("ports"))) {
                lines.add("ports=I[\"" + freePort() + "\"]");
            }
            Files.write(config.resolve("org.talkhost.alltalk.config"), lines, StandardCharsets.UTF_8);
            // the HTTP runtime of a test container never takes the gateway's fixed port 7850
            Files.write(
                    config.resolve("org.talkhost.gateway.config"),
                    List.of("port=I\"" + freePort() + "\""),
                    StandardCharsets.UTF_8);
            // TalkHost's other settings as the launcher seeds them: a component with two PIDs needs the first one
            // configured (see DoctorImpl). Not the HTTP runtime's: its seeded port is the gateway's fixed 7850.
            Map<String, Map<String, Object>> seeded = new TreeMap<>(
                    FeatureFile.read(source().resolve("features").resolve("talkhost.json")).configurations);
            seeded.keySet().removeIf(pid -> !pid.startsWith("org.talkhost."));
            ConfigSeeder.writeMissing(config, seeded);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gateway port written into {@code home}'s config, else a free one: Jetty starts on it from the first moment. */
    private static int httpPort(Path home) throws IOException {
        Path f = home.resolve("config/org.talkhost.gateway.config");
        if (Files.isRegularFile(f)) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^port\\s*=\\s*I\"(\\d+)\"")
                        .matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return freePort();
    }

    /**
     * A free port that the test class sees the same inside the container: the probe loads the test
     * class again, so a plain static free port would differ. Pass it on with {@link #portOption}.
     */
    public static int sharedPort(String name) {
        Integer p = Integer.getInteger("itest.port." + name);
        return p != null ? p : freePort();
    }

    public static Option portOption(String name, int port) {
        return systemProperty("itest.port." + name).value(String.valueOf(port));
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every bundle of the feature, by start order, plus JUnit, with {@code home} as the TalkHost folder. */
    public static Option[] feature(Path home) {
        try {
            FeatureFile feature = FeatureFile.read(source().resolve("features/talkhost.json"));
            BundleLocator locator = new BundleLocator(source(), BundleLocator.defaultRepository());
            List<Option> options = new ArrayList<>();
            options.add(cleanCaches());
            options.add(frameworkStartLevel(feature.highestStartOrder() + 1));
            options.add(systemProperty("talkhost.home").value(home.toString()));
            options.add(systemProperty("talkhost.source").value(source().toString()));
            options.add(systemProperty("talkhost.standin.jar")
                    .value(source().resolve("standin/target/alltalk-standin.jar")
                            .toString()));
            options.add(systemProperty("org.ops4j.pax.url.mvn.repositories")
                    .value("https://repo1.maven.org/maven2@id=central"));
            String local = System.getProperty("org.ops4j.pax.url.mvn.localRepository");
            if (local != null) {
                options.add(
                        systemProperty("org.ops4j.pax.url.mvn.localRepository").value(local));
            }
            feature.frameworkProperties.forEach((k, v) -> {
                if (!k.equals(STORAGE_CLEAN)) {
                    options.add(frameworkProperty(k).value(v.replace("${talkhost.home}", home.toString())));
                }
            });
            // The launcher keeps its storage between starts; a test container must not: Config Admin
            // would bring back another test's configurations (and FileInstall would write to their files).
            options.add(frameworkProperty(STORAGE_CLEAN).value("onFirstInit"));
            options.add(frameworkProperty("gosh.args").value("--nointeractive"));
            options.add(frameworkProperty("org.osgi.service.http.port").value(String.valueOf(httpPort(home))));
            options.add(frameworkProperty("talkhost.home").value(home.toString()));
            for (FeatureFile.Entry e : feature.bundles) {
                Path jar = locator.locate(e)
                        .orElseThrow(() ->
                                new IllegalStateException(e.coordinates() + " is not built: run ./mvnw install first"));
                options.add(bundle(jar.toUri().toString())
                        .startLevel(e.startOrder())
                        .start());
            }
            options.add(junitBundles());
            options.add(mavenBundle("net.bytebuddy", "byte-buddy", System.getProperty("bytebuddy.version")));
            options.add(mavenBundle("org.assertj", "assertj-core", System.getProperty("assertj.version")));
            options.add(mavenBundle("org.hamcrest", "hamcrest", System.getProperty("hamcrest.version")));
            options.add(mavenBundle("org.awaitility", "awaitility", System.getProperty("awaitility.version")));
            return options.toArray(new Option[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
