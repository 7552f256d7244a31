package org.talkhost.launcher;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the feature's default configurations into {@code config/}, one {@code PID.config} file each,
 * in Apache Felix's typed format (the one FileInstall reads and writes back:
 * {@code port=I"7851"}). Existing files are the user's and are never touched.
 */
final class ConfigSeeder {

    private ConfigSeeder() {
    }

    /** Returns the files written. */
    static List<Path> writeMissing(Path configDir, Map<String, Map<String, Object>> configurations) throws IOException {
        Files.createDirectories(configDir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> c : configurations.entrySet()) {
            Path file = configDir.resolve(c.getKey() + ".config");
            if (Files.exists(file)) {
                continue;
            }
            StringBuilder out = new StringBuilder("# Defaults for ").append(c.getKey())
                    .append(", written by TalkHost on first start. Edit freely: changes apply while it runs.\n")
                    .append("# Format: key=\"text\", key=I\"12\" (integer), D\"1.5\" (decimal), B\"true\", I[\"1\",\"2\"] (list).\n");
            for (Map.Entry<String, Object> e : c.getValue().entrySet()) {
                out.append(e.getKey()).append('=').append(typed(e.getValue())).append('\n');
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
        if (!Files.exists(to) && Files.isRegularFile(from) && !from.toAbsolutePath().equals(to.toAbsolutePath())) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        }
    }

    static String typed(Object value) {
        if (value != null && value.getClass().isArray()) {
            int n = Array.getLength(value);
            String type = n == 0 ? "" : code(Array.get(value, 0));
            StringBuilder b = new StringBuilder(type).append('[');
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : ",").append(quote(String.valueOf(Array.get(value, i))));
            }
            return b.append(']').toString();
        }
        return code(value) + quote(String.valueOf(value));
    }

    private static String code(Object v) {
        if (v instanceof Integer) {
            return "I";
        } else if (v instanceof Long) {
            return "L";
        } else if (v instanceof Double) {
            return "D";
        } else if (v instanceof Float) {
            return "F";
        } else if (v instanceof Boolean) {
            return "B";
        }
        return "";
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
