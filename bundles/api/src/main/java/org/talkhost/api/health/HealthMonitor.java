package org.talkhost.api.health;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Periodic health checks of AllTalk, the state machine, and its history. */
@ProviderType
public interface HealthMonitor {

    HealthStatus current();

    /** Recent transitions, oldest first. */
    List<HealthTransition> history();

    /** Checks now and returns the resulting status. */
    HealthStatus checkNow();
}
