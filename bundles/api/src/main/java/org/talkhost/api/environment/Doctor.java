package org.talkhost.api.environment;

import org.osgi.annotation.versioning.ProviderType;
import org.talkhost.api.config.AllTalkSettings;

/** Runs every registered {@link EnvironmentCheck}, slow ones in parallel, with a short cache. */
@ProviderType
public interface Doctor {

    /** Runs the checks (or returns cached results younger than a few seconds when {@code fresh} is false). */
    DoctorReport examine(boolean fresh);

    /**
     * Runs the checks, fresh, against {@code settings}: the configuration a start is about to use, so that a
     * start is checked by the same rules whether the doctor has seen that configuration yet or not.
     */
    default DoctorReport examine(AllTalkSettings settings) {
        return examine(true);
    }
}
