package org.talkhost.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.talkhost.common.config.TypedConfigText;

/**
 * Writes the feature's default configurations into {@code config/}, one {@code PID.config} file each,
 * in Apache Felix's typed format (the one FileInstall reads and writes back:
 * {@code port=I"7851"}). Existing files are the user's and are never touched. Values are written by
 * {@link TypedConfigText}, so that FileInstall 3.7.4 reads back exactly what was meant. The file is UTF-8
 * (the feature sets {@code felix.fileinstall.configEncoding}).
 */
public final class ConfigSeeder {

    static final String HEADER = """
            # Format: key="text", key=I"12" (whole number), key=D"1.5" (decimal number: always with a point,
            # D"5.0" and never D"5", which is read as something else), key=B"true", key=I["7851","7852"] (list).
            # In text, \\\\\\\\ stands for one backslash and \\\\" for a quote; for folders, forward slashes
            # (C:/Users/me/alltalk) are simplest. A line TalkHost cannot read is reported, and the last good
            # settings stay in force until it is corrected.
            """;

    private ConfigSeeder() {}

    /** Returns the files written. Public for the integration tests, whose homes are seeded the same way. */
    public static List<Path> writeMissing(Path configDir, Map<String, Map<String, Object>> configurations)
            throws IOException {
        Files.createDirectories(configDir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> c : configurations.entrySet()) {
            Path file = configDir.resolve(c.getKey() + ".config");
            if (Files.exists(file)) {
                continue;
            }
            StringBuilder out = new StringBuilder("# Defaults for ")
                    .append(c.getKey())
                    .append(", written by TalkHost on first start. Edit freely: changes apply while it runs.\n")
                    .append(HEADER);
            for (Map.Entry<String, Object> e : c.getValue().entrySet()) {
                out.append(e.getKey())
                        .append('=')
                        .append(TypedConfigText.typed(e.getValue()))
                        .append('\n');
            }
            Path tmp = Files.createTempFile(configDir, ".seed", ".tmp");
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            written.add(file);
        }
        return written;
    }

    /** Copies {@code from} to {@code to} when {@code to} does not exist yet (and {@code from} does). */
    static void copyMissing(Path from, Path to) throws IOException {
        if (!Files.exists(to)
                && Files.isRegularFile(from)
                && !from.toAbsolutePath().equals(to.toAbsolutePath())) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        }
    }
}
