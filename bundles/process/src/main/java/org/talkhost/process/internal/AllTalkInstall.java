package org.talkhost.process.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.talkhost.api.detection.ServerKind;

/** An AllTalk folder: which version it is and which script starts it. */
record AllTalkInstall(Path dir, ServerKind flavour) {

    /** v2 (branch alltalkbeta) has {@code system/tts_engines} and {@code api_def} in confignew.json; else v1. */
    static AllTalkInstall of(Path dir) {
        if (Files.isDirectory(dir.resolve("system").resolve("tts_engines"))) {
            return new AllTalkInstall(dir, ServerKind.V2);
        }
        Path config = dir.resolve("confignew.json");
        try {
            if (Files.isRegularFile(config) && Files.readString(config).contains("\"api_def\"")) {
                return new AllTalkInstall(dir, ServerKind.V2);
            }
        } catch (IOException e) {
            // an unreadable file says nothing about the version
        }
        return new AllTalkInstall(dir, ServerKind.V1);
    }

    /** The configured script, else {@code script.py} for v2 and {@code tts_server.py} for v1. */
    String script(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        return flavour == ServerKind.V2 ? "script.py" : "tts_server.py";
    }
}
