package org.talkhost.process.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.talkhost.api.notice.Messages;

/**
 * Which Python runs AllTalk: the configured one, else AllTalk's own environment
 * ({@code alltalk_environment/env}), else text-generation-webui's ({@code installer_files/env}, found
 * walking up from the AllTalk folder), else {@code python3} on the PATH.
 */
final class PythonFinder {
    private final Map<String, String> env;
    private final Messages messages;

    PythonFinder(Map<String, String> env, Messages messages) {
        this.env = env;
        this.messages = messages;
    }

    String find(String configured, Path installDir) throws LaunchProblem {
        if (configured != null && !configured.isBlank()) {
            String c = configured.trim();
            if (c.contains("/") || c.contains(File.separator)) {
                if (Files.isExecutable(Path.of(c))) {
                    return c;
                }
                throw new LaunchProblem(messages.text("python.configured.missing", c));
            }
            return onPath(c).orElseThrow(() -> new LaunchProblem(messages.text("python.configured.missing", c)));
        }
        Optional<Path> own = executable(installDir.resolve("alltalk_environment").resolve("env"));
        if (own.isPresent()) {
            return own.get().toString();
        }
        for (Path dir = installDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Optional<Path> webui = executable(dir.resolve("installer_files").resolve("env"));
            if (webui.isPresent()) {
                return webui.get().toString();
            }
        }
        return onPath("python3").or(() -> onPath("python"))
                .orElseThrow(() -> new LaunchProblem(messages.text("python.none", installDir)));
    }

    private static Optional<Path> executable(Path envDir) {
        for (Path p : new Path[] { envDir.resolve("bin").resolve("python"), envDir.resolve("python.exe") }) {
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
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
