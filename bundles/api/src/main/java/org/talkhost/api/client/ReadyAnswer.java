package org.talkhost.api.client;

import java.time.Duration;

/**
 * What {@code GET /api/ready} said.
 *
 * @param ready true only for the body {@code Ready}
 * @param body  the body as read ({@code Ready}, {@code Unloaded}, ...)
 * @param took  how long it took
 */
public record ReadyAnswer(boolean ready, String body, Duration took) {}
