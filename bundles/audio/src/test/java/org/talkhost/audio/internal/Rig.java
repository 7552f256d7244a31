package org.talkhost.audio.internal;

import java.nio.file.Path;
import java.util.Map;

import org.talkhost.api.audio.AudioSink;

/** A Speaker wired as DS would wire it, with a fake client and notices recorded. */
final class Rig implements AutoCloseable {
    final FakeClient client = new FakeClient();
    final RecordingEvents events = new RecordingEvents();
    final SpeakerImpl speaker;
    final TestConfig config;

    Rig(TestConfig config) {
        this.config = config;
        speaker = new SpeakerImpl(client, config);
        speaker.events = events;
    }

    /** Adds the file sink writing into {@code folder} (and uses that folder in the settings). */
    FileSink fileSink(Path folder) {
        config.folder(folder);
        FileSink sink = new FileSink(config);
        add(sink);
        return sink;
    }

    <T extends AudioSink> T add(T sink) {
        speaker.addSink(sink, Map.of(AudioSink.NAME, sink.name()));
        return sink;
    }

    @Override
    public void close() {
        speaker.deactivate();
    }
}
