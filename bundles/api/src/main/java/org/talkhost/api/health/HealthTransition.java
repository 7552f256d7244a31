package org.talkhost.api.health;

import java.time.Instant;

/** One change of health state, with its reason in plain words. */
public record HealthTransition(Instant time, HealthState from, HealthState to, String reason) {}
