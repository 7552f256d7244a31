package org.talkhost.api.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The main configuration, PID {@value #PID}, file {@code config/org.talkhost.alltalk.config}.
 * Every area that needs it reads the same PID; its metatype (with the designation of the PID) is written into
 * the api bundle, so no implementation bundle has to copy it.
 */
@ObjectClassDefinition(
        id = AllTalkSettings.PID,
        pid = AllTalkSettings.PID,
        name = "TalkHost: the AllTalk server",
        description = "Where AllTalk lives, how TalkHost starts or reaches it, and how long it waits.")
public @interface AllTalkSettings {
    String PID = "org.talkhost.alltalk";

    /** Key names, for code that reads or writes the configuration by name. */
    String KEY_MODE = "mode";

    String KEY_INSTALL_DIR = "installDir";
    String KEY_PORT = "port";
    String KEY_PORTS = "ports";
    String KEY_HOST = "host";

    @AttributeDefinition(
            description = "auto (managed when installDir is set, else standin), managed (start the "
                    + "real AllTalk from installDir), external (never start; connect to host and port), standin (start the "
                    + "built-in stand-in server)",
            options = {
                @Option(value = "auto"),
                @Option(value = "managed"),
                @Option(value = "external"),
                @Option(value = "standin")
            })
    String mode() default "auto";

    @AttributeDefinition(
            description = "The AllTalk folder (the one holding confignew.json and script.py or "
                    + "tts_server.py). Empty: no AllTalk installed, the stand-in is used.")
    String installDir() default "";

    @AttributeDefinition(
            description = "Python interpreter to run AllTalk with. Empty: AllTalk's own environment, "
                    + "then text-generation-webui's, then python3 on PATH.")
    String python() default "";

    @AttributeDefinition(
            description =
                    "Script to start, relative to installDir. Empty: script.py for v2, " + "tts_server.py for v1.")
    String launchScript() default "";

    @AttributeDefinition(description = "Host AllTalk listens on (the host TalkHost connects to).")
    String host() default "127.0.0.1";

    @AttributeDefinition(
            min = "0",
            max = "65535",
            description = "The port in use, chosen by TalkHost and written back here. 0: not chosen yet.")
    int port() default 0;

    @AttributeDefinition(
            min = "1",
            max = "65535",
            description = "Candidate ports, in order: 7851, then 7852, then any extra ones.")
    int[] ports() default {7851, 7852};

    @AttributeDefinition(min = "0.1", max = "10", description = "Seconds to wait for a connection (5, at most 10).")
    double connectTimeoutSeconds() default 5;

    @AttributeDefinition(min = "0.1", max = "600", description = "Seconds one API call may take.")
    double apiTimeoutSeconds() default 5;

    @AttributeDefinition(min = "0.1", max = "60", description = "Seconds one health check may take.")
    double healthTimeoutSeconds() default 1.5;

    @AttributeDefinition(min = "1", max = "3600", description = "Seconds one speech generation may take.")
    double generateTimeoutSeconds() default 120;

    @AttributeDefinition(
            min = "1",
            max = "86400",
            description = "Seconds to wait for AllTalk to become ready after a start.")
    int readyTimeoutSeconds() default 120;

    @AttributeDefinition(description = "Flavour of the stand-in server: v1 or v2.")
    String standinFlavor() default "v2";

    @AttributeDefinition(description = "Extra arguments for the stand-in server (for tests: faults, load time).")
    String standinArgs() default "";

    @AttributeDefinition(
            description = "Stop the AllTalk that this TalkHost started when TalkHost stops. An "
                    + "AllTalk started by someone else is never stopped, except by alltalk:stop.")
    boolean stopOnExit() default true;

    @AttributeDefinition(
            description = "Extra variables for the AllTalk process, one NAME=value each (for example "
                    + "CUDA_VISIBLE_DEVICES=1 to give this instance the second GPU).")
    String[] environment() default {};

    @AttributeDefinition(
            min = "1",
            max = "100",
            description = "Share of requests this instance takes in the pool: an "
                    + "instance with weight 2 gets about twice as many as one with weight 1.")
    int weight() default 1;
}
