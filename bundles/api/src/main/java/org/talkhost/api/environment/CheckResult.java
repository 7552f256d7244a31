package org.talkhost.api.environment;

import java.time.Duration;

/**
 * One check's answer.
 *
 * @param id       the check's id
 * @param title    what was checked ("Python", "CUDA", "espeak-ng")
 * @param status   OK, WARN, FAIL or SKIPPED
 * @param message  one plain sentence: what was found
 * @param fix      what to do about it (empty when OK)
 * @param blocking whether a FAIL stops a managed start
 * @param took     how long the check took
 */
public record CheckResult(
        String id, String title, CheckStatus status, String message, String fix, boolean blocking, Duration took) {

    public boolean blocks() {
        return blocking && status == CheckStatus.FAIL;
    }
}
