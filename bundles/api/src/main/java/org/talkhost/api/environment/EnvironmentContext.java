package org.talkhost.api.environment;

import java.nio.file.Path;
import java.util.List;

import org.talkhost.api.config.Instances;
import org.talkhost.api.config.Mode;
import org.talkhost.api.install.AllTalkInstall;

/**
 * What the checks look at.
 *
 * @param mode       the effective mode
 * @param installDir the AllTalk folder, or null
 * @param python     the configured Python, or empty
 * @param host       the host AllTalk listens on
 * @param ports      candidate ports
 * @param launchScript the configured script to start, or empty for the install's default
 * @param instance   the AllTalk instance these settings are of ({@link Instances}): a check that asks a per-instance
 *                   service (the ports) asks that instance's
 */
public record EnvironmentContext(
        Mode mode,
        Path installDir,
        String python,
        String host,
        List<Integer> ports,
        String launchScript,
        String instance) {

    public EnvironmentContext {
        launchScript = launchScript == null ? "" : launchScript.trim();
        instance = Instances.name(instance);
    }

    /** A context of the default instance. */
    public EnvironmentContext(
            Mode mode, Path installDir, String python, String host, List<Integer> ports, String launchScript) {
        this(mode, installDir, python, host, ports, launchScript, Instances.DEFAULT);
    }

    /** A context that starts the install's default script. */
    public EnvironmentContext(Mode mode, Path installDir, String python, String host, List<Integer> ports) {
        this(mode, installDir, python, host, ports, "");
    }

    /** What the AllTalk folder is, with the script that would start it. */
    public AllTalkInstall install() {
        return AllTalkInstall.of(installDir, launchScript);
    }
}
