package org.talkhost.process.internal;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.osgi.framework.BundleContext;
import org.talkhost.api.config.HostPaths;

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
