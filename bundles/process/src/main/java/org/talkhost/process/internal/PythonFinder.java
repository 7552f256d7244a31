package org.talkhost.process.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.talkhost.api.install.AllTalkInstall;
import org.talkhost.api.notice.Messages;

/**
 * Which Python runs AllTalk: the configured one, else the install's own ({@link AllTalkInstall#python()}:
 * {@code alltalk_environment/env}, then text-generation-webui's {@code installer_files/env}), else
 * {@code python3} on the PATH.
 */
final class PythonFinder {
    private final Map<String, String> env;
    private final Messages messages;

    PythonFinder(Map<String, String> env, Messages messages) {
        this.env = env;
        this.messages = messages;
    }

    String find(String configured, AllTalkInstall install) throws LaunchProblem {
        if (configured != null && !configured.isBlank()) {
            String c = configured.trim();
            if (c.contains("/") || c.contains(File.separator)) {
                if (Files.isExecutable(Path.of(c))) {
                    return c;
                }
                throw new LaunchProblem(messages.text("python.configured.missing", c, envOf(install)));
            }
            return onPath(c)
                    .orElseThrow(
                            () -> new LaunchProblem(messages.text("python.configured.missing", c, envOf(install))));
        }
        Optional<Path> own = install.python();
        if (own.isPresent()) {
            return own.get().toString();
        }
        return onPath("python3")
                .or(() -> onPath("python"))
                .orElseThrow(() -> new LaunchProblem(messages.text("python.none", install.dir())));
    }

    private String envOf(AllTalkInstall install) {
        Path env = install.environment();
        return env == null ? messages.text("output.env.default") : env.toString();
    }

    private Optional<String> onPath(String name) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
                return Optional.of(Path.of(dir, name).toString());
            }
        }
        return Optional.empty();
    }
}
