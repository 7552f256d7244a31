package org.talkhost.audio.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the audio area, PID {@value #PID}: where speech goes and how it is checked. */
@ObjectClassDefinition(
        id = "org.talkhost.audio",
        name = "TalkHost audio",
        description = "Where speech is played and how it is checked")
public @interface AudioConfig {
    String PID = "org.talkhost.audio";

    @AttributeDefinition(
            name = "Outputs",
            description = "Where speech goes: speakers, file or null (several "
                    + "allowed). Without a sound device, speakers falls back to file.")
    String[] sinks() default {"speakers"};

    @AttributeDefinition(name = "Add-on outputs", description = "Also play through the outputs that add-ons register")
    boolean addOnSinks() default true;

    @AttributeDefinition(
            name = "Speech folder",
            description = "Folder of the file output; empty for the speech folder in the TalkHost folder")
    String folder() default "";

    @AttributeDefinition(
            min = "1",
            max = "10000",
            name = "Queue size",
            description = "Most requests taken at once, the one speaking included; more are refused as busy")
    int queueBound() default 16;

    @AttributeDefinition(
            name = "Volume",
            min = "0",
            max = "1",
            description = "Volume, from 0 (silent) to 1 (as AllTalk made it)")
    double volume() default 1.0;

    @AttributeDefinition(
            name = "Prefer streaming",
            description = "Start playing at the first chunk when the server can stream")
    boolean preferStreaming() default true;

    @AttributeDefinition(
            name = "Silence floor",
            min = "0",
            max = "1",
            description = "Loudness (root mean square, "
                    + "0 to 1 of full scale) below which speech counts as silence; 0 turns the check off")
    double minRms() default 0.005;
}
