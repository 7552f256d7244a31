package org.talkhost.health.internal;

/**
 * Something beyond the ready answer that makes AllTalk degraded: resource limits or a failed test sentence.
 *
 * @param code  catalog suffix: {@code memory}, {@code gpu} or {@code deep}
 * @param value the figure found (megabytes) or the plain-language message
 * @param limit the limit (megabytes), or 0
 */
record Problem(String code, String value, long limit) {
}
