package org.talkhost.api.notice;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A bundle's message catalog: the people-facing texts of one bundle in one properties file
 * ({@code messages.properties} in the package of the anchor class), so they can be reviewed and
 * translated. Placeholders are {@code {0}}, {@code {1}}, ... and are replaced as given (apostrophes
 * need no escaping, unlike MessageFormat).
 */
public final class Messages {
    private final ResourceBundle bundle;
    private final String source;

    private Messages(ResourceBundle bundle, String source) {
        this.bundle = bundle;
        this.source = source;
    }

    /**
     * Loads {@code <package of anchor>.messages} with the anchor's class loader.
     *
     * @param anchor a class in the package holding {@code messages.properties}
     * @param source the area name notices carry ("detection", "process", ...)
     */
    public static Messages of(Class<?> anchor, String source) {
        ResourceBundle rb = ResourceBundle.getBundle(
                anchor.getPackageName() + ".messages", Locale.getDefault(), anchor.getClassLoader());
        return new Messages(rb, source);
    }

    /** The text for {@code key} with placeholders filled; the key itself when it is missing. */
    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return singular(fill(pattern, args));
    }

    /** "1 seconds" reads badly: a count of one takes the singular of the common units. */
    static String singular(String text) {
        return ONE_UNIT.matcher(text).replaceAll("$1 $2");
    }

    private static final java.util.regex.Pattern ONE_UNIT = java.util.regex.Pattern.compile(
            "(?<![\\d.,])(1) (second|minute|hour|attempt|request|process|file|time)s\\b");

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public Notice info(String key, Object... args) {
        return Notice.info(source, key, text(key, args));
    }

    public Notice warning(String key, Object... args) {
        return Notice.warning(source, key, text(key, args));
    }

    public Notice error(String key, Object... args) {
        return Notice.error(source, key, text(key, args));
    }

    public Notice progress(double progress, java.time.Duration eta, String key, Object... args) {
        return Notice.progress(source, key, text(key, args), progress, eta);
    }

    static String fill(String pattern, Object... args) {
        if (args == null || args.length == 0 || pattern.indexOf('{') < 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && isIndex(pattern, i + 1, close)) {
                int n = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(n < args.length ? String.valueOf(args[n]) : pattern.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isIndex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
