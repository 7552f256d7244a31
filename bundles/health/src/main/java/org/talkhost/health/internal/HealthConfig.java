package org.talkhost.health.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the health checks, PID {@value #PID}, file {@code config/org.talkhost.health.config}. */
@ObjectClassDefinition(
        id = HealthConfig.PID,
        name = "TalkHost: health checks",
        description = "How often TalkHost checks that AllTalk answers, and when it counts AllTalk as down.")
public @interface HealthConfig {
    String PID = "org.talkhost.health";

    @AttributeDefinition(
            min = "1",
            max = "3600",
            description = "Seconds between two checks while AllTalk answers (at least 1).")
    int intervalSeconds() default 5;

    @AttributeDefinition(
            min = "0.1",
            max = "60",
            description = "Seconds one check may take (1 to 2 is right for a local AllTalk).")
    double timeoutSeconds() default 1.5;

    @AttributeDefinition(
            min = "1",
            max = "100",
            description = "Failed checks in a row before AllTalk counts as down and is restarted " + "or reconnected.")
    int failuresBeforeDown() default 3;

    @AttributeDefinition(
            min = "1",
            max = "600000",
            description = "An answer slower than this many milliseconds counts as degraded.")
    int slowMillis() default 1000;

    @AttributeDefinition(
            min = "0",
            max = "1440",
            description = "Minutes between two test generations of a short sentence (never while "
                    + "AllTalk is speaking). 0: off.")
    int deepCheckMinutes() default 0;

    @AttributeDefinition(min = "1", max = "100000", description = "How many recent changes of state to keep.")
    int historySize() default 100;

    @AttributeDefinition(
            min = "1",
            max = "3600",
            description = "While AllTalk is down, the wait between checks doubles up to this many " + "seconds.")
    int maxBackoffSeconds() default 30;

    @AttributeDefinition(
            min = "0",
            max = "10000000",
            description = "Memory (resident, whole process tree) above this many megabytes counts "
                    + "as degraded. 0: no limit.")
    long memoryLimitMegabytes() default 0;

    @AttributeDefinition(
            min = "0",
            max = "10000000",
            description = "Graphics card memory above this many megabytes counts as degraded. " + "0: no limit.")
    long gpuMemoryLimitMegabytes() default 0;
}
