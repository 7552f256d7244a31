package org.talkhost.api.environment;

/** Result of one check. */
public enum CheckStatus {
    OK,
    WARN,
    FAIL,
    SKIPPED
}
