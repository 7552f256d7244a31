package org.talkhost.environment.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an AllTalk folder holds. v1 (branch {@code main}) runs {@code tts_server.py} and has no
 * {@code system/tts_engines} (its {@code script.py}, when present, is the text-generation-webui extension);
 * v2 (branch {@code alltalkbeta}) has {@code script.py} and {@code system/tts_engines/<engine>}.
 */
record AllTalkInstall(Path dir, Layout layout, List<String> engines) {

    enum Layout {
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

    static AllTalkInstall of(Path dir) {
        if (dir == null) {
            return new AllTalkInstall(null, Layout.NONE, List.of());
        }
        if (!Files.isDirectory(dir)) {
            return new AllTalkInstall(dir, Layout.MISSING, List.of());
        }
        Path engines = dir.resolve("system").resolve("tts_engines");
        boolean script = Files.isRegularFile(dir.resolve("script.py"));
        if (Files.isDirectory(engines)) {
            return new AllTalkInstall(dir, script ? Layout.V2 : Layout.INCOMPLETE_V2, engines(engines));
        }
        if (Files.isRegularFile(dir.resolve("tts_server.py"))) {
            return new AllTalkInstall(dir, Layout.V1, List.of("xtts"));
        }
        return new AllTalkInstall(dir, Layout.NOT_ALLTALK, List.of());
    }

    boolean v1() {
        return layout == Layout.V1;
    }

    boolean v2() {
        return layout == Layout.V2;
    }

    boolean known() {
        return v1() || v2();
    }

    private static List<String> engines(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("_") && !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
