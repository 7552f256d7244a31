package org.talkhost.api.environment;

import java.nio.file.Path;
import java.util.List;

import org.talkhost.api.config.Mode;

/**
 * What the checks look at.
 *
 * @param mode       the effective mode
 * @param installDir the AllTalk folder, or null
 * @param python     the configured Python, or empty
 * @param host       the host AllTalk listens on
 * @param ports      candidate ports
 */
public record EnvironmentContext(Mode mode, Path installDir, String python, String host, List<Integer> ports) {
}
