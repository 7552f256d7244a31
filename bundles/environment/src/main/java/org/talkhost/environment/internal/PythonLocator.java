package org.talkhost.environment.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.talkhost.api.environment.EnvironmentContext;

/**
 * Chooses the Python that would run AllTalk, in the order the Supervisor uses: the configured one,
 * AllTalk's own environment ({@code alltalk_environment/env}), text-generation-webui's
 * ({@code installer_files/env}, found by walking up from the AllTalk folder, which lives in
 * {@code text-generation-webui/extensions/alltalk_tts}), then {@code python3} on the PATH.
 */
final class PythonLocator {
    private static final int WEBUI_LEVELS = 4;

    enum Source { CONFIGURED, ALLTALK_ENV, WEBUI_ENV, PATH, NONE }

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
            return python != null && installEnvs.stream().anyMatch(env -> python.toAbsolutePath().startsWith(env));
        }
    }

    private final PathLookup path;

    PythonLocator(PathLookup path) {
        this.path = path;
    }

    Choice locate(EnvironmentContext context) {
        String configured = context.python() == null ? "" : context.python().trim();
        List<Path> envs = new ArrayList<>();
        Optional<Path> own = Optional.empty();
        Optional<Path> webui = Optional.empty();
        if (context.installDir() != null) {
            Path ownEnv = context.installDir().toAbsolutePath().resolve("alltalk_environment").resolve("env");
            own = interpreterIn(ownEnv);
            own.ifPresent(p -> envs.add(ownEnv));
            Path dir = context.installDir().toAbsolutePath().getParent();
            for (int i = 0; i < WEBUI_LEVELS && dir != null && webui.isEmpty(); i++, dir = dir.getParent()) {
                Path env = dir.resolve("installer_files").resolve("env");
                webui = interpreterIn(env);
                webui.ifPresent(p -> envs.add(env));
            }
        }
        if (!configured.isEmpty()) {
            return new Choice(path.find(configured).orElse(null), Source.CONFIGURED, configured, envs);
        }
        if (own.isPresent()) {
            return new Choice(own.get(), Source.ALLTALK_ENV, configured, envs);
        }
        if (webui.isPresent()) {
            return new Choice(webui.get(), Source.WEBUI_ENV, configured, envs);
        }
        Optional<Path> onPath = path.find("python3");
        return new Choice(onPath.orElse(null), onPath.isPresent() ? Source.PATH : Source.NONE, configured, envs);
    }

    /** {@code env/bin/python} (Linux, macOS) or {@code env/python.exe} (Windows). */
    static Optional<Path> interpreterIn(Path env) {
        for (Path p : List.of(env.resolve("bin").resolve("python"), env.resolve("bin").resolve("python3"),
                env.resolve("python.exe"))) {
            if (PathLookup.executable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
