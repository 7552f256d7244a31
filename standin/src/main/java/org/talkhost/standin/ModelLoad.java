package org.talkhost.standin;

import java.util.Locale;

/** The start-up "model load": AllTalk's lines, the injected lines, and the wait (before the port opens). */
final class ModelLoad {

    private ModelLoad() {}

    static void run(Options o, Console console, Faults faults, String speech) throws StartupFailure {
        boolean v1 = o.flavor() == Flavor.V1;
        console.note("Speech comes from " + speech
                + ("espeak-ng".equals(speech)
                        ? "."
                        : ": espeak-ng " + (o.noEspeak() ? "is switched off (--no-espeak)" : "is not on PATH")
                                + ", so every word is a synthetic tone (never silence)."));
        if (o.exitDuringLoad()) {
            console.error("Traceback (most recent call last):");
            console.error(
                    v1
                            ? "  File \"tts_server.py\", line 7, in <module>"
                            : "  File \"system/tts_engines/xtts/model_engine.py\", line 42, in <module>");
            console.error("    from TTS.tts.configs.xtts_config import XttsConfig");
            console.error("ModuleNotFoundError: No module named 'TTS'");
            throw new StartupFailure("ModuleNotFoundError: No module named 'TTS'", 1);
        }
        if (v1) {
            console.line("[AllTalk Model] XTTSv2 Local Loading xttsv2_2.0.2 into cpu");
        } else {
            console.line("[AllTalk ENG] DeepSpeed version : Not available");
            console.line("[AllTalk ENG] CUDA Version      : Not available");
            console.line("[AllTalk ENG] Loading XTTS model xttsv2_2.0.3 on cpu");
        }
        for (String line : o.printLines()) {
            console.line(line);
        }
        waitFor(o.loadSeconds(), console);
        if (v1) {
            console.line("[AllTalk Model] Coqui Public Model License");
            console.line("[AllTalk Model] https://coqui.ai/cpml.txt");
            console.line("[AllTalk Model] Model Loaded in " + twoDecimals(o.loadSeconds()) + " seconds.");
            console.line("[AllTalk Model] Ready");
        } else if (faults.unloadedForever()) {
            console.line("[AllTalk TTS] Error Error during setup: No models for this TTS engine were found to load."
                    + " Continuing without the TTS model.");
        } else {
            console.line("[AllTalk ENG] Model License : https://coqui.ai/cpml.txt");
            console.line("[AllTalk ENG] Model Loadtime: " + twoDecimals(o.loadSeconds()) + " seconds");
        }
    }

    /** "2.00" without String.format, which costs start-up time (locale data). */
    static String twoDecimals(double value) {
        long hundredths = Math.round(value * 100);
        long rest = hundredths % 100;
        return hundredths / 100 + "." + (rest < 10 ? "0" : "") + rest;
    }

    /** Waits, printing progress every 5 seconds for long loads. */
    private static void waitFor(double seconds, Console console) throws StartupFailure {
        if (seconds <= 0) {
            return;
        }
        console.note(String.format(
                Locale.ROOT,
                "Loading the voice model; this takes about %.1f seconds (--load-seconds). The port opens afterwards.",
                seconds));
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        try {
            while (true) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                Thread.sleep(Math.min(5000, Math.max(1, left / 1_000_000)));
                long done = System.nanoTime() - start;
                if (end - System.nanoTime() > 1e9) {
                    console.note(String.format(
                            Locale.ROOT,
                            "Still loading the voice model: %d%% done, about %.0f seconds left.",
                            (int) (100 * done / (seconds * 1e9)),
                            (end - System.nanoTime()) / 1e9));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("interrupted while loading", 1);
        }
    }
}
