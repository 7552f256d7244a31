package org.talkhost.gateway.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talkhost.api.gateway.GatewayStatus;

/**
 * The gateway's settings, PID {@value GatewayStatus#PID}, file {@code config/org.talkhost.gateway.config}:
 * the one a user edits. The gateway keeps the HTTP runtime's own configuration in line with it.
 */
@ObjectClassDefinition(
        id = GatewayStatus.PID,
        name = "TalkHost: the gateway (one stable address for AllTalk)",
        description = "Where front-ends such as SillyTavern, text-generation-webui or an OpenAI client reach AllTalk "
                + "through TalkHost, and how long a request may wait while AllTalk restarts.")
public @interface GatewayConfig {

    @AttributeDefinition(
            description = "Port front-ends connect to (instead of AllTalk's 7851).",
            min = "1",
            max = "65535")
    int port() default 7850;

    @AttributeDefinition(
            description = "Address to listen on. 127.0.0.1: this computer only. Anything else (0.0.0.0, "
                    + "a network address) needs a token.")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(
            description = "Secret that callers send as 'Authorization: Bearer TOKEN'. Required when "
                    + "bindAddress is not a loopback address; when set, every request must carry it.",
            required = false)
    String token() default "";

    @AttributeDefinition(
            description = "Seconds a request may wait for AllTalk to be ready (starting, restarting, "
                    + "moving) before it gets 503.",
            min = "0",
            max = "3600")
    int holdSeconds() default 60;

    @AttributeDefinition(
            description = "Requests that may wait at once; more get 503 at once.",
            min = "0",
            max = "10000")
    int maxWaiting() default 200;

    @AttributeDefinition(description = "Largest request body, in KiB; larger ones get 413.", min = "1", max = "1048576")
    int maxBodyKb() default 1024;

    @AttributeDefinition(
            description = "OpenAI voice names and the AllTalk voice each one speaks with, as NAME=VOICE "
                    + "(used when the AllTalk behind has no OpenAI endpoint of its own).")
    String[] openAiVoices() default {
        "alloy=female_01.wav",
        "echo=male_01.wav",
        "fable=male_03.wav",
        "nova=female_03.wav",
        "onyx=male_02.wav",
        "shimmer=female_02.wav"
    };
}
