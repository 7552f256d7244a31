package org.talkhost.environment.internal;

import java.time.Duration;

import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;
import org.talkhost.api.environment.EnvironmentCheck;

/**
 * Builds check results from the bundle's message catalog: {@code key} is the sentence of what was found,
 * {@code key.fix} (optional) what to do. Titles are {@code title.<id>}. The doctor fills in the time.
 */
final class Findings {

    private Findings() {}

    static String title(String id) {
        return EnvironmentCatalog.TEXT.text("title." + id);
    }

    static CheckResult of(EnvironmentCheck check, CheckStatus status, boolean blocking, String key, Object... args) {
        String fix = EnvironmentCatalog.TEXT.has(key + ".fix") ? EnvironmentCatalog.TEXT.text(key + ".fix", args) : "";
        return new CheckResult(
                check.id(),
                check.title(),
                status,
                EnvironmentCatalog.TEXT.text(key, args),
                fix,
                blocking,
                Duration.ZERO);
    }

    static CheckResult ok(EnvironmentCheck check, String key, Object... args) {
        return of(check, CheckStatus.OK, false, key, args);
    }

    static CheckResult warn(EnvironmentCheck check, String key, Object... args) {
        return of(check, CheckStatus.WARN, false, key, args);
    }

    static CheckResult skipped(EnvironmentCheck check, String key, Object... args) {
        return of(check, CheckStatus.SKIPPED, false, key, args);
    }
}
