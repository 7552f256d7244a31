package org.talkhost.environment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.EnvironmentCheck;
import org.talkhost.api.environment.EnvironmentContext;

/** Can TalkHost itself play sound: Java sound mixers that take a {@link SourceDataLine}. Never blocking. */
@Component(property = CheckOrder.SOUND)
public final class SoundOutputCheck implements EnvironmentCheck {
    static final String ID = "audio.output";
    private static final int SHOWN = 3;

    private final Supplier<List<String>> devices;

    @Activate
    public SoundOutputCheck() {
        this(SoundOutputCheck::javaSoundOutputs);
    }

    SoundOutputCheck(Supplier<List<String>> devices) {
        this.devices = devices;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Findings.title(ID);
    }

    @Override
    public CheckResult run(EnvironmentContext context) {
        List<String> found;
        try {
            found = devices.get();
        } catch (RuntimeException | LinkageError e) {
            return Findings.warn(this, "sound.error", String.valueOf(e.getMessage()));
        }
        if (found.isEmpty()) {
            return Findings.warn(this, "sound.none");
        }
        List<String> shown = found.subList(0, Math.min(SHOWN, found.size()));
        return Findings.ok(
                this, "sound.ok", found.size(), String.join(", ", shown) + (found.size() > SHOWN ? ", ..." : ""));
    }

    static List<String> javaSoundOutputs() {
        List<String> names = new ArrayList<>();
        Line.Info output = new Line.Info(SourceDataLine.class);
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (AudioSystem.getMixer(info).isLineSupported(output)) {
                names.add(info.getName());
            }
        }
        return names;
    }
}
