package org.talkhost.environment.internal;

import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;
import org.talkhost.api.environment.EnvironmentCheck;

/**
 * What the checks that run the Python AllTalk would use share ({@link PythonCheck}, {@link PackagesCheck}): the
 * probe that runs it, where that Python is found, and a failure that blocks a managed start.
 */
abstract class PythonUsingCheck implements EnvironmentCheck {
    private final String id;
    final PythonProbe probe;
    final PythonLocator locator;

    PythonUsingCheck(String id, PythonProbe probe, PathLookup path) {
        this.id = id;
        this.probe = probe;
        this.locator = new PythonLocator(path);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return Findings.title(id);
    }

    /** A failure: a managed AllTalk is not started until it is put right. */
    final CheckResult fail(String key, Object... args) {
        return Findings.of(this, CheckStatus.FAIL, true, key, args);
    }
}
