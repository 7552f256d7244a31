package org.talkhost.standin.api;

import java.util.List;

import org.talkhost.standin.Faults;
import org.talkhost.standin.Flavor;

/** The "model" AllTalk has loaded, and model changes through /api/reload. */
public final class ModelState {

    private static final List<String> V1_MODELS = List.of("API TTS", "API Local", "XTTSv2 Local", "XTTSv2 FT");
    private static final List<String> V2_MODELS = List.of("xtts - xttsv2_2.0.3", "apitts - xttsv2_2.0.3");

    private final Flavor flavor;
    private final Faults faults;
    private volatile String current;
    private volatile boolean changing;

    public ModelState(Flavor flavor, Faults faults) {
        this.flavor = flavor;
        this.faults = faults;
        this.current = flavor == Flavor.V1 ? "XTTSv2 Local" : V2_MODELS.get(0);
    }

    /** The names /api/reload accepts. */
    public List<String> known() {
        return flavor == Flavor.V1 ? V1_MODELS : V2_MODELS;
    }

    public String current() {
        return current;
    }

    /** v2's /api/ready: "Ready" once the engine set-up has run, "Unloaded" when it found no model. */
    public boolean setUp() {
        return !faults.unloadedForever();
    }

    /** Whether speech can be generated now (not during a model change, not when unloaded). */
    public boolean loaded() {
        return setUp() && !changing;
    }

    public boolean changing() {
        return changing;
    }

    /** Unloads, waits as long as a model load takes, and loads the named model. */
    public synchronized void change(String name, double seconds) throws InterruptedException {
        changing = true;
        try {
            Thread.sleep((long) (seconds * 1000));
            current = name;
        } finally {
            changing = false;
        }
    }
}
