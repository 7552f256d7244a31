package org.talkhost.api.environment;

import org.osgi.annotation.versioning.ProviderType;

/** Runs every registered {@link EnvironmentCheck}, slow ones in parallel, with a short cache. */
@ProviderType
public interface Doctor {

    /** Runs the checks (or returns cached results younger than a few seconds when {@code fresh} is false). */
    DoctorReport examine(boolean fresh);
}
