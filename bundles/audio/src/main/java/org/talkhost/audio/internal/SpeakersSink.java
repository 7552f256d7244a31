package org.talkhost.audio.internal;

import java.io.IOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.talkhost.api.audio.AudioInfo;
import org.talkhost.api.audio.AudioSink;

/** Plays speech on the machine's speakers. Not available when there is no sound device. */
@Component(service = AudioSink.class, property = AudioSink.NAME + "=" + SpeakersSink.NAME)
public final class SpeakersSink implements AudioSink {
    static final String NAME = "speakers";

    private final OutputDevice device;

    @Activate
    public SpeakersSink() {
        this(new JavaSoundOutput());
    }

    SpeakersSink(OutputDevice device) {
        this.device = device;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean available() {
        return device.present();
    }

    @Override
    public Playback open(AudioInfo info) throws IOException {
        AudioFormat format = new AudioFormat(info.sampleRate(), 16, info.channels(), true, false);
        try {
            return new LinePlayback(device.open(format));
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new IOException("the sound device cannot play " + format + ": " + e.getMessage(), e);
        }
    }
}
