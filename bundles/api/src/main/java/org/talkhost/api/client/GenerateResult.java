package org.talkhost.api.client;

import java.net.URI;
import java.time.Duration;

/**
 * A finished generation.
 *
 * @param fileUrl   absolute URL of the WAV (v1 absolute and v2 relative URLs joined correctly)
 * @param cacheUrl  absolute URL under /audiocache/, or null
 * @param filePath  the path on the server's disk, as reported
 * @param took      how long the generation took
 */
public record GenerateResult(URI fileUrl, URI cacheUrl, String filePath, Duration took) {}
