package org.talkhost.api.health;

import java.time.Duration;
import java.time.Instant;

/**
 * The current health.
 *
 * @param state               the state
 * @param since               when it entered that state
 * @param lastLatency         how long the last check took, or null
 * @param consecutiveFailures failed checks in a row
 * @param explanation         plain words
 */
public record HealthStatus(
        HealthState state, Instant since, Duration lastLatency, int consecutiveFailures, String explanation) {}
