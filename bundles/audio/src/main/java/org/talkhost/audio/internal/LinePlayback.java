package org.talkhost.audio.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.SourceDataLine;

import org.talkhost.api.audio.AudioSink;

/** One utterance played on a sound line; abort cuts it off at once. */
final class LinePlayback implements AudioSink.Playback {
    private final SourceDataLine line;
    private final AtomicBoolean ended = new AtomicBoolean();

    LinePlayback(SourceDataLine line) {
        this.line = line;
        line.start();
    }

    @Override
    public void write(byte[] pcm, int offset, int length) {
        int done = 0;
        while (done < length && !ended.get()) {
            int n = line.write(pcm, offset + done, length - done);
            if (n <= 0) {
                return; // stopped or closed under us
            }
            done += n;
        }
    }

    @Override
    public void abort() {
        if (ended.compareAndSet(false, true)) {
            line.stop();
            line.flush();
            line.close();
        }
    }

    @Override
    public void close() {
        if (ended.compareAndSet(false, true)) {
            line.drain();
            line.close();
        }
    }
}
