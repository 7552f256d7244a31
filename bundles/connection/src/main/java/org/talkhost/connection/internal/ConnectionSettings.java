package org.talkhost.connection.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The connection's own settings, PID {@value #PID}: how often and how patiently a call that could
 * not connect is tried again. Host, port and the timeouts come from {@code org.talkhost.alltalk}.
 */
@ObjectClassDefinition(
        id = ConnectionSettings.PID,
        pid = ConnectionSettings.PID,
        name = "TalkHost: connection to AllTalk",
        description = "How TalkHost tries again when AllTalk does not accept a connection.")
public @interface ConnectionSettings {
    String PID = "org.talkhost.connection";

    @AttributeDefinition(
            min = "0.01",
            max = "60",
            description = "Seconds to wait before the first new try; each wait doubles.")
    double retryBaseSeconds() default 1;

    @AttributeDefinition(min = "0.01", max = "600", description = "The longest wait between two tries, in seconds.")
    double retryMaxSeconds() default 8;

    @AttributeDefinition(
            min = "0",
            max = "0.5",
            description = "Random spread of each wait, as a fraction (0.1: up to 10% shorter or "
                    + "longer), so that several programs do not all try at the same moment. 0 to 0.5.")
    double retryJitter() default 0.1;

    @AttributeDefinition(
            min = "5",
            max = "10",
            description = "How many times a call is tried in all before giving up (5 to 10).")
    int retryAttempts() default 6;

    @AttributeDefinition(
            min = "0",
            max = "3600",
            description = "Seconds one speech generation may take. 0: use generateTimeoutSeconds "
                    + "of the main AllTalk settings.")
    double generateTimeoutOverrideSeconds() default 0;
}
