package org.talkhost.examples.noticefile;

import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;
import org.talkhost.api.audio.AudioInfo;
import org.talkhost.api.audio.AudioSink;

/**
 * An add-on audio sink: counts what it is given (utterances and PCM bytes), which the scenario tests
 * read through its service properties-free getters. A real add-on would stream to a network
 * speaker, a recorder, a VU meter...
 */
@Component(
        service = {AudioSink.class, CountingSink.class},
        property = AudioSink.NAME + "=counting")
public final class CountingSink implements AudioSink {
    private final AtomicLong utterances = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public Playback open(AudioInfo info) {
        utterances.incrementAndGet();
        return new Playback() {
            @Override
            public void write(byte[] pcm, int offset, int length) {
                bytes.addAndGet(length);
            }

            @Override
            public void close() {}
        };
    }

    public long utterances() {
        return utterances.get();
    }

    public long bytes() {
        return bytes.get();
    }
}
