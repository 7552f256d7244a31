package org.talkhost.standin.api;

import java.util.concurrent.ExecutorService;

import org.talkhost.standin.AllTalkConfig;
import org.talkhost.standin.Console;
import org.talkhost.standin.Faults;
import org.talkhost.standin.Flavor;
import org.talkhost.standin.Options;
import org.talkhost.standin.files.Outputs;
import org.talkhost.standin.files.Voices;
import org.talkhost.standin.speech.Generator;
import org.talkhost.standin.speech.SpeechEngine;
import org.talkhost.standin.speech.Transcoder;

/**
 * What the endpoints share.
 *
 * @param urlBase what goes before "/audio/NAME.wav" in answers: "http://127.0.0.1:7851" for v1, "" for v2
 * @param streams the threads that send streamed speech, so the server thread stays free to take
 *                PUT /api/stop-generation
 */
public record Context(
        Flavor flavor,
        Options options,
        AllTalkConfig config,
        Faults faults,
        Console console,
        ModelState model,
        Voices voices,
        Outputs outputs,
        SpeechEngine speech,
        Generator generator,
        Transcoder transcoder,
        String urlBase,
        ExecutorService streams) {

    public boolean v1() {
        return flavor == Flavor.V1;
    }
}
