package org.talkhost.process.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the Supervisor starts, waits, restarts, stops and measures AllTalk; PID {@value #PID}. */
@ObjectClassDefinition(
        id = ProcessSettings.PID,
        name = "TalkHost: starting and watching AllTalk",
        description = "Restart policy, stop grace period, waiting, AllTalk's output log and resource limits.")
public @interface ProcessSettings {
    String PID = "org.talkhost.process";

    @AttributeDefinition(
            min = "1",
            max = "600",
            description = "Seconds AllTalk gets to end by itself when stopped, before it is forced.")
    int stopGraceSeconds() default 10;

    @AttributeDefinition(
            min = "1",
            max = "1000",
            description = "Automatic starts allowed within startWindowSeconds before TalkHost gives up.")
    int maxStarts() default 5;

    @AttributeDefinition(
            min = "1",
            max = "86400",
            description = "The window, in seconds, over which maxStarts is counted.")
    int startWindowSeconds() default 300;

    @AttributeDefinition(
            min = "1",
            max = "3600",
            description = "Longest wait, in seconds, between two automatic restarts (1, 2, 4, 8 ... up to this).")
    int backoffMaxSeconds() default 30;

    @AttributeDefinition(
            min = "1",
            max = "86400",
            description = "Seconds of being ready after which the restart count starts again from zero.")
    int healthyResetSeconds() default 120;

    @AttributeDefinition(
            min = "10",
            max = "60000",
            description = "Milliseconds between two readiness checks while AllTalk starts.")
    int pollMillis() default 100;

    @AttributeDefinition(
            min = "1",
            max = "3600",
            description = "Seconds between two progress messages while AllTalk starts.")
    int progressSeconds() default 5;

    @AttributeDefinition(
            min = "0",
            max = "86400",
            description = "Extra seconds allowed when AllTalk downloads its voice model on a first run.")
    int downloadExtraSeconds() default 1800;

    @AttributeDefinition(
            min = "0",
            max = "3600",
            description = "Seconds a start waits for another TalkHost that is starting AllTalk.")
    int lockWaitSeconds() default 5;

    @AttributeDefinition(
            min = "1",
            max = "10240",
            description = "Size in megabytes at which log/alltalk-server.log is rotated.")
    int logMaxMegabytes() default 20;

    @AttributeDefinition(min = "0", max = "100", description = "Old copies of log/alltalk-server.log to keep.")
    int logKeep() default 3;

    @AttributeDefinition(
            min = "1",
            max = "3600",
            description = "Seconds between two resource samples (memory, processor, graphics memory).")
    int resourceSampleSeconds() default 10;

    @AttributeDefinition(
            min = "0",
            max = "10000000",
            description = "Memory limit of the AllTalk processes in megabytes; 0: no limit.")
    long memoryLimitMb() default 0;

    @AttributeDefinition(
            min = "0",
            max = "100000",
            description = "Processor limit in percent of one core; 0: no limit.")
    double cpuLimitPercent() default 0;

    @AttributeDefinition(description = "Restart AllTalk (when TalkHost started it) when it goes over a limit.")
    boolean restartOnLimit() default false;

    @AttributeDefinition(
            description = "Start AllTalk in its own session (setsid), so that Ctrl+C in TalkHost's "
                    + "terminal does not reach it and TalkHost stops it in order.")
    boolean newSession() default true;
}
