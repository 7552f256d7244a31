package org.talkhost.connection.internal;

import java.time.Duration;
import java.util.List;

import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.ServerAddress;

/**
 * The settings the client works with, checked and brought into range. Values out of range are
 * replaced and explained in {@code problems} (plain sentences for the log).
 *
 * @param target   the configured server: host with {@code port}, else the first of {@code ports}
 * @param connect  time to open a connection (5 s, at most 10 s)
 * @param api      time for one API call
 * @param health   time for one ready check
 * @param generate time for one generation (and audio transfers)
 */
record ClientSettings(
        ServerAddress target, Duration connect, Duration api, Duration health, Duration generate, RetrySettings retry) {

    static final int MIN_ATTEMPTS = 5;
    static final int MAX_ATTEMPTS = 10;
    static final double MAX_CONNECT_SECONDS = 10;
    static final double MAX_JITTER = 0.5;

    static ClientSettings resolve(AllTalkSettings s, ConnectionSettings c, List<String> problems) {
        double connect = positive(s.connectTimeoutSeconds(), 5, "connectTimeoutSeconds", problems);
        if (connect > MAX_CONNECT_SECONDS) {
            problems.add(ConnectionCatalog.TEXT.text(
                    "config.connectTooLong", seconds(connect), seconds(MAX_CONNECT_SECONDS)));
            connect = MAX_CONNECT_SECONDS;
        }
        double api = positive(s.apiTimeoutSeconds(), 5, "apiTimeoutSeconds", problems);
        double health = positive(s.healthTimeoutSeconds(), 1.5, "healthTimeoutSeconds", problems);
        double generate = c.generateTimeoutOverrideSeconds() > 0
                ? c.generateTimeoutOverrideSeconds()
                : positive(s.generateTimeoutSeconds(), 120, "generateTimeoutSeconds", problems);
        return new ClientSettings(
                ServerAddress.configured(s), of(connect), of(api), of(health), of(generate), retry(c, problems));
    }

    private static RetrySettings retry(ConnectionSettings c, List<String> problems) {
        int attempts = c.retryAttempts();
        if (attempts < MIN_ATTEMPTS || attempts > MAX_ATTEMPTS) {
            int used = Math.max(MIN_ATTEMPTS, Math.min(MAX_ATTEMPTS, attempts));
            problems.add(ConnectionCatalog.TEXT.text("config.attempts", attempts, MIN_ATTEMPTS, MAX_ATTEMPTS, used));
            attempts = used;
        }
        double base = positive(c.retryBaseSeconds(), 1, "retryBaseSeconds", problems);
        double max = positive(c.retryMaxSeconds(), 8, "retryMaxSeconds", problems);
        if (max < base) {
            problems.add(ConnectionCatalog.TEXT.text("config.maxBelowBase", seconds(max), seconds(base)));
            max = base;
        }
        double jitter = c.retryJitter();
        if (!(jitter >= 0 && jitter <= MAX_JITTER)) {
            double used = jitter > MAX_JITTER ? MAX_JITTER : 0;
            problems.add(ConnectionCatalog.TEXT.text("config.jitter", jitter, MAX_JITTER, used));
            jitter = used;
        }
        return new RetrySettings(of(base), of(max), jitter, attempts);
    }

    private static double positive(double value, double fallback, String name, List<String> problems) {
        if (value > 0 && Double.isFinite(value)) {
            return value;
        }
        problems.add(ConnectionCatalog.TEXT.text("config.notPositive", name, value, seconds(fallback)));
        return fallback;
    }

    static Duration of(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** "4", "1.5": seconds as a person reads them. */
    static String seconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(Math.round(s * 10) / 10.0);
    }

    static String seconds(Duration d) {
        return seconds(d.toMillis() / 1000.0);
    }
}
