package org.talkhost.audio.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.talkhost.api.audio.AudioInfo;
import org.talkhost.api.audio.AudioSink;
import org.talkhost.api.config.HostPaths;

/** Writes each utterance to its own WAV file in the speech folder. */
@Component(
        service = AudioSink.class,
        configurationPid = AudioConfig.PID,
        property = AudioSink.NAME + "=" + FileSink.NAME)
public final class FileSink implements AudioSink {
    static final String NAME = "file";

    private volatile Path folder;

    @Activate
    public FileSink(AudioConfig config) {
        configure(config);
    }

    @Modified
    void configure(AudioConfig config) {
        this.folder = folder(config);
    }

    /** The configured folder, or {@code speech} in the TalkHost folder. */
    static Path folder(AudioConfig config) {
        String f = config.folder();
        return f == null || f.isBlank()
                ? HostPaths.home().resolve("speech")
                : HostPaths.home().resolve(Paths.get(f));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Playback open(AudioInfo info) throws IOException {
        return WavFilePlayback.create(SpeechFileNames.next(folder, info.text(), LocalDateTime.now()), info);
    }
}
