package org.talkhost.audio.internal;

import org.osgi.service.component.annotations.Component;
import org.talkhost.api.audio.AudioInfo;
import org.talkhost.api.audio.AudioSink;

/** Discards the sound: speech is generated and checked, but neither heard nor kept. */
@Component(service = AudioSink.class, property = AudioSink.NAME + "=" + NullSink.NAME)
public final class NullSink implements AudioSink {
    static final String NAME = "null";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Playback open(AudioInfo info) {
        return new Playback() {
            @Override
            public void write(byte[] pcm, int offset, int length) {
                // discarded on purpose
            }

            @Override
            public void close() {
                // nothing to finish
            }
        };
    }
}
