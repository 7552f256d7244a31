package org.talkhost.api.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.talkhost.api.detection.ServerKind;

/**
 * An AllTalk folder, decided once for every area: which version it is, which script starts it, which Python
 * runs it and where that Python's packages belong. v1 (branch {@code main}) runs {@code tts_server.py} and has
 * no {@code system/tts_engines} (a v1 {@code script.py} is its text-generation-webui extension); v2 (branch
 * {@code alltalkbeta}) has {@code system/tts_engines} and {@code script.py}, or says {@code "api_def"} in its
 * {@code confignew.json}. A v1 inside text-generation-webui ({@code extensions/alltalk_tts}) keeps its
 * packages in the web UI's {@code installer_files/env}; a standalone v1 or a v2 in its own
 * {@code alltalk_environment/env}.
 *
 * @param dir       the folder (absolute), or null when none is configured
 * @param layout    what the folder holds
 * @param engines   v2's speech engines (folder names under {@code system/tts_engines}); v1: {@code xtts}
 * @param script    the script that starts it: the configured one, else {@code script.py} (v2) or
 *                  {@code tts_server.py} (v1); empty when the folder is not AllTalk
 * @param webuiEnv  text-generation-webui's {@code installer_files/env} above the folder, or null when none
 */
public record AllTalkInstall(Path dir, Layout layout, List<String> engines, String script, Path webuiEnv) {

    /** What a folder holds. */
    public enum Layout {
        /** No folder configured. */
        NONE,
        /** The configured folder does not exist. */
        MISSING,
        /** A folder without tts_server.py or script.py. */
        NOT_ALLTALK,
        /** system/tts_engines without script.py: a v2 download that is not complete. */
        INCOMPLETE_V2,
        V1,
        V2
    }

    /** The files of one folder as the decision needs them: the disk in the host, a fixed set in tests. */
    public interface Folder {
        /** Whether {@code relative} (a file or folder, "/"-separated) exists in the folder. */
        boolean has(String relative);

        /** The text of a small file in the folder, or "" when it cannot be read. */
        default String text(String relative) {
            return "";
        }

        /** Folder names directly under {@code relative}. */
        default List<String> folders(String relative) {
            return List.of();
        }
    }

    static final String TTS_SERVER = "tts_server.py";
    static final String SCRIPT = "script.py";
    static final String ENGINES = "system/tts_engines";
    private static final int WEBUI_LEVELS = 4;

    public AllTalkInstall {
        engines = List.copyOf(engines);
        script = script == null ? "" : script;
    }

    /** The folder on disk, started with the default script. */
    public static AllTalkInstall of(Path dir) {
        return of(dir, "");
    }

    /** The folder on disk, started with {@code launchScript} (relative to it; empty: the default). */
    public static AllTalkInstall of(Path dir, String launchScript) {
        if (dir == null) {
            return new AllTalkInstall(null, Layout.NONE, List.of(), "", null);
        }
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            return new AllTalkInstall(abs, Layout.MISSING, List.of(), "", null);
        }
        return of(abs, launchScript, disk(abs), webuiEnvAbove(abs));
    }

    /** The decision itself, from what {@code folder} holds. */
    public static AllTalkInstall of(Path dir, String launchScript, Folder folder, Path webuiEnv) {
        boolean engines = folder.has(ENGINES);
        boolean script = folder.has(SCRIPT);
        Layout layout;
        List<String> names = List.of();
        if (engines) {
            layout = script ? Layout.V2 : Layout.INCOMPLETE_V2;
            names = folder.folders(ENGINES).stream()
                    .filter(n -> !n.startsWith("_") && !n.startsWith("."))
                    .sorted()
                    .toList();
        } else if (folder.has("confignew.json")
                && folder.text("confignew.json").contains("\"api_def\"")
                && (script || folder.has(TTS_SERVER))) {
            layout = Layout.V2;
        } else if (folder.has(TTS_SERVER)) {
            layout = Layout.V1;
            names = List.of("xtts");
        } else {
            layout = Layout.NOT_ALLTALK;
        }
        String configured = launchScript == null ? "" : launchScript.trim();
        String start = !configured.isEmpty()
                ? configured
                : layout == Layout.V2 || layout == Layout.INCOMPLETE_V2
                        ? SCRIPT
                        : layout == Layout.V1 ? TTS_SERVER : "";
        return new AllTalkInstall(dir, layout, names, start, webuiEnv);
    }

    public boolean v1() {
        return layout == Layout.V1;
    }

    public boolean v2() {
        return layout == Layout.V2;
    }

    /** v1 or v2: a folder AllTalk can be started from. */
    public boolean known() {
        return v1() || v2();
    }

    /** V1, V2, or UNKNOWN when the folder is not a complete AllTalk. */
    public ServerKind kind() {
        return v2() || layout == Layout.INCOMPLETE_V2 ? ServerKind.V2 : v1() ? ServerKind.V1 : ServerKind.UNKNOWN;
    }

    /** Whether the script started is v2's API server alone ({@code tts_server.py}), without the Gradio web UI. */
    public boolean apiServerOnly() {
        return !v2() || fileName(script).equals(TTS_SERVER);
    }

    /** Whether this is a v1 that lives inside text-generation-webui (its extensions folder, or the web UI's env above). */
    public boolean insideWebui() {
        if (!v1() || dir == null) {
            return false;
        }
        Path parent = dir.getParent();
        return webuiEnv != null
                || parent != null
                        && parent.getFileName() != null
                        && parent.getFileName()
                                .toString()
                                .toLowerCase(Locale.ROOT)
                                .equals("extensions");
    }

    /** AllTalk's own environment, {@code alltalk_environment/env} in the folder. */
    public Path ownEnv() {
        return dir == null ? null : dir.resolve("alltalk_environment").resolve("env");
    }

    /**
     * Where this install keeps (or should keep) its Python packages: text-generation-webui's
     * {@code installer_files/env} for a v1 inside the web UI, else {@code alltalk_environment/env}.
     */
    public Path environment() {
        if (dir == null) {
            return null;
        }
        if (insideWebui() && interpreterIn(ownEnv()).isEmpty()) {
            return webuiEnv != null
                    ? webuiEnv
                    : dir.getParent().getParent().resolve("installer_files").resolve("env");
        }
        return ownEnv();
    }

    /** The environments AllTalk was installed into that exist on disk, in the order they are tried. */
    public List<Path> environments() {
        List<Path> out = new ArrayList<>();
        if (dir != null && interpreterIn(ownEnv()).isPresent()) {
            out.add(ownEnv());
        }
        if (webuiEnv != null) {
            out.add(webuiEnv);
        }
        return out;
    }

    /** The Python of AllTalk's own environment, else of text-generation-webui's; empty when neither exists. */
    public Optional<Path> python() {
        return environments().stream()
                .map(AllTalkInstall::interpreterIn)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** {@code env/bin/python} (Linux, macOS) or {@code env/python.exe} (Windows), when it is there. */
    public static Optional<Path> interpreterIn(Path env) {
        if (env == null) {
            return Optional.empty();
        }
        for (Path p : List.of(
                env.resolve("bin").resolve("python"),
                env.resolve("bin").resolve("python3"),
                env.resolve("python.exe"))) {
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** text-generation-webui's {@code installer_files/env} a few levels above {@code dir}, or null. */
    static Path webuiEnvAbove(Path dir) {
        Path up = dir.getParent();
        for (int i = 0; i < WEBUI_LEVELS && up != null; i++, up = up.getParent()) {
            Path env = up.resolve("installer_files").resolve("env");
            if (interpreterIn(env).isPresent()) {
                return env;
            }
        }
        return null;
    }

    private static Folder disk(Path dir) {
        return new Folder() {
            @Override
            public boolean has(String relative) {
                return Files.exists(dir.resolve(relative));
            }

            @Override
            public String text(String relative) {
                try {
                    return Files.readString(dir.resolve(relative));
                } catch (IOException | RuntimeException e) {
                    return "";
                }
            }

            @Override
            public List<String> folders(String relative) {
                try (Stream<Path> s = Files.list(dir.resolve(relative))) {
                    return s.filter(Files::isDirectory)
                            .map(p -> p.getFileName().toString())
                            .toList();
                } catch (IOException | RuntimeException e) {
                    return List.of();
                }
            }
        };
    }

    private static String fileName(String script) {
        int slash = Math.max(script.lastIndexOf('/'), script.lastIndexOf('\\'));
        return script.substring(slash + 1);
    }
}
