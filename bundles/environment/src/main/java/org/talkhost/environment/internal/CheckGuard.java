package org.talkhost.environment.internal;

import java.time.Duration;
import java.util.function.Supplier;

import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;
import org.talkhost.api.environment.EnvironmentCheck;
import org.talkhost.api.environment.EnvironmentContext;

/**
 * Calls one check so that nothing it does can hurt the doctor: exceptions, a null answer, missing fields
 * and a throwing {@code id()} or {@code title()} all become a plain, non-blocking result.
 */
final class CheckGuard {
    private CheckGuard() {}

    static String id(EnvironmentCheck check) {
        return safe(check::id, check.getClass().getName());
    }

    static String title(EnvironmentCheck check) {
        return safe(check::title, id(check));
    }

    static CheckResult run(EnvironmentCheck check, EnvironmentContext context) {
        long start = System.nanoTime();
        CheckResult r;
        try {
            r = check.run(context);
        } catch (RuntimeException | LinkageError e) {
            r = problem(check, "doctor.error", describe(e));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (r == null) {
            r = problem(check, "doctor.no-answer");
        }
        return new CheckResult(
                r.id() == null ? id(check) : r.id(),
                r.title() == null ? title(check) : r.title(),
                r.status() == null ? CheckStatus.WARN : r.status(),
                r.message() == null ? "" : r.message(),
                r.fix() == null ? "" : r.fix(),
                r.blocking(),
                took);
    }

    /** A non-blocking WARN in the doctor's words, about a check that misbehaved. */
    static CheckResult problem(EnvironmentCheck check, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = title(check);
        System.arraycopy(args, 0, all, 1, args.length);
        return new CheckResult(
                id(check),
                title(check),
                CheckStatus.WARN,
                EnvironmentCatalog.TEXT.text(key, all),
                EnvironmentCatalog.TEXT.has(key + ".fix") ? EnvironmentCatalog.TEXT.text(key + ".fix", all) : "",
                false,
                Duration.ZERO);
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String safe(Supplier<String> s, String fallback) {
        try {
            String v = s.get();
            return v == null || v.isBlank() ? fallback : v;
        } catch (RuntimeException | LinkageError e) {
            return fallback;
        }
    }
}
