package org.talkhost.process.internal;

import java.time.Duration;

/** Durations and sizes as a person says them. */
final class PlainAmounts {
    private PlainAmounts() {}

    /** "3 seconds", "1 minute", "2 minutes 10 seconds", "0.4 seconds". */
    static String duration(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 950) {
            return String.format(java.util.Locale.ROOT, "%.1f seconds", ms / 1000.0);
        }
        long s = Math.round(ms / 1000.0);
        if (s < 60) {
            return s + (s == 1 ? " second" : " seconds");
        }
        long m = s / 60;
        long rest = s % 60;
        String minutes = m + (m == 1 ? " minute" : " minutes");
        return rest == 0 ? minutes : minutes + " " + rest + (rest == 1 ? " second" : " seconds");
    }

    /** "1 process", "2 processes". */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** "512 MB", "1.4 GB". */
    static String bytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb < 1024 ? Math.round(mb) + " MB" : String.format(java.util.Locale.ROOT, "%.1f GB", mb / 1024);
    }
}
