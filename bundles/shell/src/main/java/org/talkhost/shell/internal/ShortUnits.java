package org.talkhost.shell.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small formatting for people: durations, sizes, times. */
final class ShortUnits {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ShortUnits() {}

    static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = d.getSeconds();
        if (s < 1) {
            return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
        }
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    static String since(Instant t) {
        return t == null ? "-" : duration(Duration.between(t, Instant.now())) + " ago";
    }

    static String clock(Instant t) {
        return t == null ? "--:--:--" : CLOCK.format(LocalDateTime.ofInstant(t, ZoneId.systemDefault()));
    }

    static String bytes(long b) {
        if (b < 0) {
            return "unknown";
        }
        if (b < 1024 * 1024) {
            return (b / 1024) + " KB";
        }
        return String.format(Locale.ROOT, "%.0f MB", b / 1024.0 / 1024.0);
    }
}
