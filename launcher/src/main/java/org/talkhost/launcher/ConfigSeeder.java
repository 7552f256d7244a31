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
 * {@code port=I"7851"}). Existing files are the user's and are never touched. Values are written so that
 * FileInstall 3.7.4 reads back exactly what was meant: a decimal always has a point ({@code D"5.0"};
 * {@code D"5"} would be read as raw bits), and text is escaped for both of FileInstall's passes (its
 * variable substitution, then the quoted string), so quotes, backslashes, braces and control characters
 * survive. The file is UTF-8 (the feature sets {@code felix.fileinstall.configEncoding}).
 */
final class ConfigSeeder {

    static final String HEADER = """
            # Format: key="text", key=I"12" (whole number), key=D"1.5" (decimal number: always with a point,
            # D"5.0" and never D"5", which is read as something else), key=B"true", key=I["7851","7852"] (list).
            # In text, \\\\\\\\ stands for one backslash and \\\\" for a quote; for folders, forward slashes
            # (C:/Users/me/alltalk) are simplest. A line TalkHost cannot read is reported, and the last good
            # settings stay in force until it is corrected.
            """;

    private ConfigSeeder() {}

    /** Returns the files written. */
    static List<Path> writeMissing(Path configDir, Map<String, Map<String, Object>> configurations) throws IOException {
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
        if (!Files.exists(to)
                && Files.isRegularFile(from)
                && !from.toAbsolutePath().equals(to.toAbsolutePath())) {
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
                b.append(i == 0 ? "" : ",").append(quote(text(Array.get(value, i))));
            }
            return b.append(']').toString();
        }
        return code(value) + quote(text(value));
    }

    /** The value as text; a decimal always with a point, so that FileInstall does not read raw bits. */
    private static String text(Object v) {
        String t = String.valueOf(v);
        if ((v instanceof Double || v instanceof Float) && t.indexOf('.') < 0) {
            int e = t.indexOf('E');
            return e < 0 ? t + ".0" : t.substring(0, e) + ".0" + t.substring(e);
        }
        return t;
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

    /**
     * {@code "s"} escaped for FileInstall's two reading passes: the quoted-string escapes first
     * ({@code \\ \" \n \t \\uXXXX}), then the substitution pass ({@code \\ \{ \}}), which is undone first.
     */
    static String quote(String s) {
        StringBuilder inner = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\', '"' -> inner.append('\\').append(c);
                case '\n' -> inner.append("\\n");
                case '\t' -> inner.append("\\t");
                case '\r' -> inner.append("\\r");
                case '\b' -> inner.append("\\b");
                case '\f' -> inner.append("\\f");
                default -> inner.append(c < ' ' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        StringBuilder outer = new StringBuilder("\"");
        for (char c : inner.toString().toCharArray()) {
            outer.append(c == '\\' || c == '{' || c == '}' ? "\\" + c : String.valueOf(c));
        }
        return outer.append('"').toString();
    }
}
