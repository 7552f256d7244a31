package org.talkhost.api.environment;

import org.osgi.annotation.versioning.ConsumerType;

/** One check of the environment. A whiteboard service: register one and the doctor runs it. */
@ConsumerType
public interface EnvironmentCheck {

    String id();

    String title();

    /** Runs the check. Must finish within a few seconds and must not throw (the doctor guards anyway). */
    CheckResult run(EnvironmentContext context);
}
