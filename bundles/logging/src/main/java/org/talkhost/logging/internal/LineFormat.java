package org.talkhost.logging.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.talkhost.api.logging.OperationsLog.Level;

/**
 * One record as Python's {@code logging} writes it with
 * {@code %(asctime)s - AllTalk-%(levelname)s - %(message)s} and {@code datefmt="%Y-%m-%d %H:%M:%S"}:
 * {@code 2026-11-25 14:03:07 - AllTalk-INFO - Found AllTalk running on port 7851, connecting now}.
 * A record is always exactly one line: line breaks inside a message become {@code " | "}.
 */
final class LineFormat {
    private static final Pattern LINE_BREAKS = Pattern.compile("\\R");
    private static final Pattern OTHER_CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    static final String EMPTY = "(empty message)";

    private final ZoneId zone;

    LineFormat(ZoneId zone) {
        this.zone = zone;
    }

    /** The whole line, with its trailing newline. */
    String line(Instant time, Level level, String message) {
        LocalDateTime t = LocalDateTime.ofInstant(time, zone);
        StringBuilder b = new StringBuilder(message.length() + 40);
        pad(b, t.getYear(), 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append(' ');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2);
        return b.append(" - AllTalk-")
                .append(level.name())
                .append(" - ")
                .append(message)
                .append('\n')
                .toString();
    }

    /** Fills {@code {}} placeholders as SLF4J does and makes the result a single non-empty line. */
    static String message(String pattern, Object... args) {
        return oneLine(fill(pattern, args));
    }

    static String oneLine(String text) {
        String s = LINE_BREAKS.matcher(text.strip()).replaceAll(" | ");
        s = OTHER_CONTROLS.matcher(s).replaceAll(" ");
        return s.isBlank() ? EMPTY : s;
    }

    /**
     * SLF4J's rules: each {@code {}} takes the next argument, {@code \{}} is a literal {@code {}}; a
     * Throwable left over after the placeholders is appended as {@code [Type: message]} (no stack trace:
     * those go to the host log).
     */
    static String fill(String pattern, Object... args) {
        String p = pattern == null ? "null" : pattern;
        int n = args == null ? 0 : args.length;
        StringBuilder out = new StringBuilder(p.length() + 16 * n);
        int used = 0;
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\' && p.startsWith("{}", i + 1)) {
                out.append("{}");
                i += 3;
            } else if (c == '{' && i + 1 < p.length() && p.charAt(i + 1) == '}' && used < n) {
                out.append(render(args[used++]));
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        if (used < n && args[n - 1] instanceof Throwable) {
            Throwable t = (Throwable) args[n - 1];
            out.append(" [").append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                out.append(": ").append(t.getMessage());
            }
            out.append(']');
        }
        return out.toString();
    }

    private static String render(Object arg) {
        if (arg instanceof Object[]) {
            return Arrays.deepToString((Object[]) arg);
        }
        if (arg != null && arg.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {arg}).replaceAll("^\\[|\\]$", "");
        }
        return String.valueOf(arg);
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int k = s.length(); k < width; k++) {
            b.append('0');
        }
        return b.append(s);
    }
}
