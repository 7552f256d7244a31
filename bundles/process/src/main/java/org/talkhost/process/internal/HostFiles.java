package org.talkhost.process.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.osgi.framework.BundleContext;
import org.talkhost.api.config.HostPaths;
import org.talkhost.api.config.Instances;

/**
 * The files and programs the Supervisor uses.
 *
 * @param runtime    {@code runtime/}: lock, pid file, start times, the stand-in's folder
 * @param logs       {@code log/}: AllTalk's own output goes to {@code alltalk-server.log}
 * @param standinJar the stand-in server's jar, or null when not configured
 * @param java       the Java launcher that runs the stand-in (the one running TalkHost)
 * @param startLocks where the machine-wide start locks live: the system temp folder, shared by every TalkHost
 */
record HostFiles(Path runtime, Path logs, Path standinJar, String java, Path startLocks) {

    HostFiles(Path runtime, Path logs, Path standinJar, String java) {
        this(runtime, logs, standinJar, java, Paths.get(System.getProperty("java.io.tmpdir")));
    }

    /** From the framework properties {@code talkhost.home} and {@code talkhost.standin.jar}. */
    static HostFiles from(BundleContext context) {
        String home = context.getProperty(HostPaths.HOME);
        Path root = home == null || home.isBlank()
                ? HostPaths.home()
                : Paths.get(home).toAbsolutePath();
        String jar = context.getProperty(HostPaths.STANDIN_JAR);
        return new HostFiles(
                root.resolve("runtime"),
                root.resolve("log"),
                jar == null || jar.isBlank() ? null : Paths.get(jar).toAbsolutePath(),
                currentJava());
    }

    static String currentJava() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Paths.get(System.getProperty("java.home"), "bin", "java")
                        .toString());
    }

    /**
     * The files of AllTalk instance {@code name}: the default instance keeps {@code runtime/} and {@code log/};
     * another one has {@code runtime/instances/NAME/} and {@code log/instances/NAME/}.
     */
    HostFiles forInstance(String name) {
        if (name == null || Instances.DEFAULT.equals(name)) {
            return this;
        }
        String folder = name.replaceAll("[^A-Za-z0-9._-]", "_");
        Path r = runtime.resolve("instances").resolve(folder);
        Path l = logs.resolve("instances").resolve(folder);
        try {
            Files.createDirectories(r);
            Files.createDirectories(l);
        } catch (IOException e) {
            // the writers say what failed
        }
        return new HostFiles(r, l, standinJar, java, startLocks);
    }

    Path serverLog() {
        return logs.resolve("alltalk-server.log");
    }

    Path standinDir() {
        return runtime.resolve("standin");
    }

    Path lockFile() {
        return runtime.resolve("supervisor.lock");
    }

    Path pidFile() {
        return runtime.resolve("alltalk.pid");
    }

    Path startTimes() {
        return runtime.resolve("start-times.properties");
    }
}
