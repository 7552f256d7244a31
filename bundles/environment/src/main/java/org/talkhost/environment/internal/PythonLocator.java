package org.talkhost.environment.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.talkhost.api.environment.EnvironmentContext;
import org.talkhost.api.install.AllTalkInstall;

/**
 * Chooses the Python that would run AllTalk, in the order the Supervisor uses: the configured one,
 * AllTalk's own environment ({@code alltalk_environment/env}), text-generation-webui's
 * ({@code installer_files/env}, found by walking up from the AllTalk folder, which lives in
 * {@code text-generation-webui/extensions/alltalk_tts}), then {@code python3} on the PATH.
 */
final class PythonLocator {
    enum Source {
        CONFIGURED,
        ALLTALK_ENV,
        WEBUI_ENV,
        PATH,
        NONE
    }

    /**
     * @param python      the interpreter, or null when none was found
     * @param source      where it came from
     * @param configured  the configured value ("" when none)
     * @param installEnvs the environments AllTalk was installed into that exist on disk (may be empty)
     */
    record Choice(Path python, Source source, String configured, List<Path> installEnvs) {
        boolean found() {
            return python != null;
        }

        /** True when the interpreter lives in one of the environments AllTalk was installed into. */
        boolean inInstallEnv() {
            return python != null
                    && installEnvs.stream()
                            .anyMatch(env -> python.toAbsolutePath().startsWith(env));
        }
    }

    private final PathLookup path;

    PythonLocator(PathLookup path) {
        this.path = path;
    }

    Choice locate(EnvironmentContext context) {
        String configured = context.python() == null ? "" : context.python().trim();
        AllTalkInstall install = context.installDir() == null
                ? AllTalkInstall.of(null)
                : AllTalkInstall.of(context.installDir().toAbsolutePath(), context.launchScript());
        List<Path> envs = install.environments();
        if (!configured.isEmpty()) {
            return new Choice(path.find(configured).orElse(null), Source.CONFIGURED, configured, envs);
        }
        Optional<Path> own = install.python();
        if (own.isPresent()) {
            boolean mine = install.ownEnv() != null && own.get().startsWith(install.ownEnv());
            return new Choice(own.get(), mine ? Source.ALLTALK_ENV : Source.WEBUI_ENV, configured, envs);
        }
        Optional<Path> onPath = path.find("python3");
        return new Choice(onPath.orElse(null), onPath.isPresent() ? Source.PATH : Source.NONE, configured, envs);
    }

    /** {@code env/bin/python} (Linux, macOS) or {@code env/python.exe} (Windows). */
    static Optional<Path> interpreterIn(Path env) {
        return AllTalkInstall.interpreterIn(env);
    }
}
