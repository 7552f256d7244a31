package org.talkhost.environment.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@value #PID}: how long the doctor's checks may take, and its thresholds. */
@ObjectClassDefinition(
        id = EnvironmentConfig.PID,
        name = "TalkHost: the environment doctor",
        description =
                "Time limits, cache and thresholds of the checks run before a managed start and by alltalk:doctor.")
public @interface EnvironmentConfig {
    String PID = "org.talkhost.environment";

    @AttributeDefinition(
            min = "0",
            max = "3600",
            description = "Seconds a report is reused before the checks run again.")
    double cacheSeconds() default 5;

    @AttributeDefinition(
            min = "0.1",
            max = "600",
            description = "Seconds any one check may take before the doctor stops waiting for it.")
    double checkTimeoutSeconds() default 20;

    @AttributeDefinition(
            min = "0.1",
            max = "600",
            description =
                    "Seconds a quick probe may take (asking Python its version and environment, nvidia-smi, ldconfig, espeak-ng).")
    double processTimeoutSeconds() default 5;

    @AttributeDefinition(
            min = "0.1",
            max = "600",
            description = "Seconds the import of AllTalk's Python packages (torch, TTS, ...) may take.")
    double importTimeoutSeconds() default 15;

    @AttributeDefinition(
            min = "0",
            max = "100000",
            description = "Below this many GB free for voice models, the disk check warns.")
    double warnFreeGb() default 5;

    @AttributeDefinition(
            min = "0",
            max = "100000",
            description = "Below this many GB free, the disk check fails (it does not stop a start).")
    double failFreeGb() default 1;
}
