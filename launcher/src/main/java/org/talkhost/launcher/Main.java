package org.talkhost.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.talkhost.common.LaunchMode;

/** {@code ./talkhost}: boots Apache Felix from the feature file and runs the console, a service, or one command. */
public final class Main {
    private static final long STOP_MILLIS = 20_000;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Options options;
        try {
            options = Options.parse(args, defaultHome(), sourceTree());
        } catch (IllegalArgumentException e) {
            err.println("talkhost: " + e.getMessage());
            err.println("Run ./talkhost --help to see the options.");
            return 2;
        }
        if (options.mode == Options.Mode.HELP) {
            out.println(Options.USAGE);
            return 0;
        }
        if (options.mode == Options.Mode.EXEC) {
            java.util.OptionalInt remote = RemoteExec.tryRunning(options.home, options.command, out, err);
            if (remote.isPresent()) {
                return remote.getAsInt();
            }
        }
        Host host = null;
        Storage storage = null;
        AtomicBoolean stopping = new AtomicBoolean();
        try {
            BootTrace.mark("main");
            BootTrace.profile();
            FeatureFile feature = FeatureFile.read(
                    options.feature, options.home.resolve("runtime").resolve("feature.cache"));
            BootTrace.mark("feature file read");
            Path home = options.home;
            Path source = options.source;
            host = new Host(feature, home);
            List<Path> files = host.locateBundles(new BundleLocator(source, BundleLocator.defaultRepository()));
            List<Path> seeded = ConfigSeeder.writeMissing(home.resolve("config"), feature.configurations);
            ConfigSeeder.copyMissing(
                    source.resolve("config").resolve("logback.xml"),
                    home.resolve("config").resolve("logback.xml"));
            storage = new Storage(home.resolve("runtime"));
            if (storage.prepare(files, options.clean) && storage.isShared()) {
                host.storeUncompressed(files, storage.dir());
            }
            Storage used = storage;
            BootTrace.mark("bundles found, settings seeded, storage ready");
            Map<String, String> props = frameworkProperties(feature, home, storage, options);
            props.forEach((k, v) -> {
                if (k.startsWith("talkhost.")) {
                    System.setProperty(k, v);
                }
            });
            Host running = host;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                if (stopping.compareAndSet(false, true)) {
                                    running.stop(STOP_MILLIS);
                                }
                                used.close();
                            },
                            "talkhost-shutdown"));
            Framework framework = host.start(files, props);
            long bootMillis = BootTrace.sinceJvmStart();
            BootTrace.report();
            List<BundleReport.Problem> problems = host.problems();
            problems.forEach(p -> err.println("talkhost: " + p));
            boolean requiredFailed = problems.stream().anyMatch(BundleReport.Problem::required);
            if (requiredFailed) {
                err.println("talkhost: a required part of TalkHost did not start (see above), so it stops here.");
                return stop(host, stopping, 1);
            }
            if (options.mode != Options.Mode.EXEC) {
                // In the console a notice may have left Gogo's prompt at the start of the line: write over it.
                out.println((options.mode == Options.Mode.CONSOLE ? "\r" : "") + "TalkHost is running: "
                        + host.activeCount() + " bundles active, started in " + bootMillis + " ms."
                        + (seeded.isEmpty() ? "" : " Default settings written to config/.")
                        + (options.mode == Options.Mode.CONSOLE
                                ? " Type 'help alltalk' for TalkHost's commands, exit (or Ctrl-D) to stop."
                                : ""));
                if (options.mode == Options.Mode.SERVICE) {
                    out.println("Running as a service without a console. Stop it with Ctrl-C.");
                }
            }
            if (options.mode == Options.Mode.EXEC) {
                int status = new CommandRunner(framework.getBundleContext(), out, err).run(options.command, 20_000);
                return stop(host, stopping, status);
            }
            framework.waitForStop(0);
            return 0;
        } catch (IOException e) {
            err.println("talkhost: " + e.getMessage());
            return host == null ? 1 : stop(host, stopping, 1);
        } catch (Exception e) {
            err.println("talkhost: TalkHost could not start: " + e);
            return host == null ? 1 : stop(host, stopping, 1);
        } finally {
            if (storage != null && stopping.get()) {
                storage.close(); // the framework has stopped (or never started): its storage is free
            }
        }
    }

    private static int stop(Host host, AtomicBoolean stopping, int status) {
        if (stopping.compareAndSet(false, true) && !host.stop(STOP_MILLIS)) {
            System.err.println("talkhost: TalkHost did not stop within 20 seconds; leaving anyway.");
        }
        return status;
    }

    static Path defaultHome() {
        String home = System.getProperty("talkhost.home");
        return Paths.get(home == null || home.isBlank() ? System.getProperty("user.dir") : home)
                .toAbsolutePath()
                .normalize();
    }

    /**
     * The TalkHost source tree (where the built bundles and the stand-in are): {@code talkhost.source},
     * else two folders above the launcher jar ({@code launcher/target/talkhost-launcher.jar}).
     */
    static Path sourceTree() {
        String s = System.getProperty("talkhost.source");
        if (s != null && !s.isBlank()) {
            return Paths.get(s).toAbsolutePath().normalize();
        }
        try {
            Path jar = Paths.get(Main.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path root = jar.getParent() == null ? null : jar.getParent().getParent();
            if (root != null
                    && root.getParent() != null
                    && java.nio.file.Files.isDirectory(root.getParent().resolve("features"))) {
                return root.getParent();
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // fall through to the home folder
        }
        return defaultHome();
    }

    static Map<String, String> frameworkProperties(FeatureFile feature, Path home, Storage storage, Options o) {
        Map<String, String> props = new HashMap<>();
        feature.frameworkProperties.forEach((k, v) -> props.put(k, v.replace("${talkhost.home}", home.toString())));
        props.put(Constants.FRAMEWORK_STORAGE, storage.dir().toString());
        props.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, String.valueOf(feature.highestStartOrder()));
        props.put("talkhost.home", home.toString());
        props.put("talkhost.source", o.source.toString());
        props.putIfAbsent(
                "talkhost.standin.jar",
                o.source
                        .resolve("standin")
                        .resolve("target")
                        .resolve("alltalk-standin.jar")
                        .toString());
        props.put("talkhost.console.notices", o.mode == Options.Mode.EXEC ? "stderr" : "stdout");
        props.put(LaunchMode.PROPERTY, o.mode.name().toLowerCase(java.util.Locale.ROOT));
        // The console opens without Gogo's banner: TalkHost's own first line says what runs and where to start.
        props.put("gosh.args", o.mode == Options.Mode.CONSOLE ? "--quiet" : "--nointeractive");
        if (o.mode == Options.Mode.EXEC) {
            props.put("org.apache.felix.http.enable", "false"); // a one-shot run serves no HTTP (7850 is the service's)
        }
        return props;
    }
}
