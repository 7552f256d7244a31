package org.talkhost.api.config;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where TalkHost keeps its files. The launcher sets the framework/system property {@value #HOME}
 * to the TalkHost folder; without it the working directory is used.
 */
public final class HostPaths {
    /** System property: the TalkHost folder. */
    public static final String HOME = "talkhost.home";
    /** System property: path of the stand-in server jar. */
    public static final String STANDIN_JAR = "talkhost.standin.jar";

    private HostPaths() {}

    public static Path home() {
        String home = System.getProperty(HOME);
        return Paths.get(home == null || home.isBlank() ? System.getProperty("user.dir") : home)
                .toAbsolutePath();
    }

    /** {@code runtime/}: framework storage, pid files, locks, the stand-in's folder. */
    public static Path runtime() {
        return home().resolve("runtime");
    }

    /** {@code log/}: the host log, the operations log, AllTalk's own output. */
    public static Path logs() {
        return home().resolve("log");
    }

    /** {@code config/}: one file per configuration PID. */
    public static Path config() {
        return home().resolve("config");
    }
}
