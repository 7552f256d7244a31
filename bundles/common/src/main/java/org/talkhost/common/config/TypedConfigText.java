package org.talkhost.common.config;

import java.lang.reflect.Array;

/**
 * Writes one value of a {@code config/PID.config} file in Apache Felix's typed format
 * ({@code "text"}, {@code I"12"}, {@code D"1.5"}, {@code B"true"}, {@code I["7851","7852"]}) so that
 * FileInstall 3.7.4 reads back exactly what was meant. Two traps are avoided: a decimal always has a
 * point ({@code D"5.0"}; {@code D"5"} would be read as raw bits), and text is escaped for both of
 * FileInstall's reading passes (its variable substitution, which undoes {@code \\ \{ \}}, then the
 * quoted-string escapes), so quotes, backslashes, braces and control characters survive. Used by the
 * launcher when it seeds the files and by the logging bundle when it writes a change back.
 */
public final class TypedConfigText {

    private TypedConfigText() {}

    /** {@code value} as it stands after {@code key=} in a {@code .config} file. */
    public static String typed(Object value) {
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
