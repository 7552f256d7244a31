package org.talkhost.logging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one value of a {@code .config} file the way FileInstall 3.7.4 means it ({@code "text"},
 * {@code I"12"}, {@code D"1.5"}, {@code B"true"}, {@code I["1","2"]}), but strictly: anything FileInstall
 * would take silently in another sense is refused with a reason. The one trap: FileInstall reads a
 * {@code D} value without a decimal point as the raw bits of a double ({@code D"5"} is 2.5E-323).
 * Unescaping is FileInstall's two steps: its variable-substitution pass ({@code \\ \{ \}}), then the
 * quoted-string escapes ({@code \" \\ \n \t \\uXXXX}).
 */
final class TypedText {
    private static final Pattern VALUE =
            Pattern.compile("\\s*([TILFDXSCBilfdxscb]?)\\s*([\\[(]?)(.*?)([\\])]?)\\s*", Pattern.DOTALL);

    private TypedText() {}

    /** Thrown for a value that does not say clearly what it means; the message is for people. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason);
        }
    }

    static Object decode(String raw) throws Unreadable {
        Matcher m = VALUE.matcher(raw);
        if (!m.matches() || m.group(2).isEmpty() != m.group(4).isEmpty()) {
            throw new Unreadable("it is not in the form key=\"text\", key=I\"12\", key=D\"1.5\" or key=B\"true\"");
        }
        char type =
                m.group(1).isEmpty() ? 'T' : Character.toUpperCase(m.group(1).charAt(0));
        String body = unescapeVariables(m.group(3));
        if (m.group(2).isEmpty()) {
            return one(type, single(body));
        }
        List<Object> items = new ArrayList<>();
        for (String quoted : items(body)) {
            items.add(one(type, quoted));
        }
        return array(type, items);
    }

    private static String single(String body) throws Unreadable {
        List<String> parts = items(body);
        if (parts.size() != 1) {
            throw new Unreadable("a single value must be one quoted text, such as \"auto\" or I\"12\"");
        }
        return parts.get(0);
    }

    /** The unescaped contents of each {@code "..."} in {@code body}, which holds only those and commas. */
    private static List<String> items(String body) throws Unreadable {
        List<String> out = new ArrayList<>();
        int i = 0;
        boolean needComma = false;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == ',' && needComma) {
                needComma = false;
                i++;
            } else if (c == '"' && !needComma) {
                StringBuilder b = new StringBuilder();
                i++;
                while (i < body.length() && body.charAt(i) != '"') {
                    char d = body.charAt(i++);
                    if (d == '\\' && i < body.length()) {
                        char e = body.charAt(i++);
                        if (e == 'u' && i + 4 <= body.length()) {
                            b.append((char) Integer.parseInt(body.substring(i, i + 4), 16));
                            i += 4;
                        } else {
                            b.append(
                                    switch (e) {
                                        case 'n' -> '\n';
                                        case 't' -> '\t';
                                        case 'r' -> '\r';
                                        case 'b' -> '\b';
                                        case 'f' -> '\f';
                                        default -> e;
                                    });
                        }
                    } else {
                        b.append(d);
                    }
                }
                if (i >= body.length()) {
                    throw new Unreadable("a quote is opened and never closed");
                }
                i++;
                out.add(b.toString());
                needComma = true;
            } else {
                throw new Unreadable("every value must be in double quotes, such as I\"12\" or \"text\"");
            }
        }
        return out;
    }

    private static Object one(char type, String text) throws Unreadable {
        try {
            switch (type) {
                case 'I':
                    return Integer.valueOf(text.trim());
                case 'L':
                    return Long.valueOf(text.trim());
                case 'S':
                    return Short.valueOf(text.trim());
                case 'X':
                    return Byte.valueOf(text.trim());
                case 'F':
                case 'D':
                    if (text.indexOf('.') < 0) {
                        throw new Unreadable("a decimal number needs a decimal point: write D\"" + text.trim()
                                + ".0\", not D\"" + text.trim() + "\" (without the point the file format reads the "
                                + "digits as raw bits, and " + text.trim()
                                + " would become a tiny meaningless number)");
                    }
                    return type == 'F' ? (Object) Float.valueOf(text.trim()) : (Object) Double.valueOf(text.trim());
                case 'B':
                    if (!text.trim().equalsIgnoreCase("true") && !text.trim().equalsIgnoreCase("false")) {
                        throw new Unreadable("B\"...\" must be B\"true\" or B\"false\"");
                    }
                    return Boolean.valueOf(text.trim());
                case 'C':
                    if (text.length() != 1) {
                        throw new Unreadable("C\"...\" must hold exactly one character");
                    }
                    return text.charAt(0);
                default:
                    return text;
            }
        } catch (NumberFormatException e) {
            throw new Unreadable("\"" + text + "\" is not a number of the type " + type + " asks for");
        }
    }

    private static Object array(char type, List<Object> items) {
        return switch (type) {
            case 'I' -> items.stream().map(Integer.class::cast).toArray(Integer[]::new);
            case 'L' -> items.stream().map(Long.class::cast).toArray(Long[]::new);
            case 'D' -> items.stream().map(Double.class::cast).toArray(Double[]::new);
            case 'B' -> items.stream().map(Boolean.class::cast).toArray(Boolean[]::new);
            case 'T' -> items.stream().map(String.class::cast).toArray(String[]::new);
            default -> items.toArray();
        };
    }

    /** FileInstall's first pass: {@code \\}, {@code \{} and {@code \}} lose their backslash. */
    private static String unescapeVariables(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "\\{}".indexOf(s.charAt(i + 1)) >= 0) {
                b.append(s.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
