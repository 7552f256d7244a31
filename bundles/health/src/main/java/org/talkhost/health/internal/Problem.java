package org.talkhost.health.internal;

/**
 * Something beyond the ready answer that makes AllTalk degraded (resource limits, a failed test sentence), or
 * why it does not run at all (a start that was blocked or failed).
 *
 * @param code  catalog suffix: {@code memory}, {@code gpu}, {@code deep} or {@code blocked}
 * @param value the figure found (megabytes) or the plain-language message
 * @param limit the limit (megabytes), or 0
 */
record Problem(String code, String value, long limit) {}
