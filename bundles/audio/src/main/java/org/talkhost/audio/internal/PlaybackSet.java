package org.talkhost.audio.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.audio.AudioInfo;
import org.talkhost.api.audio.AudioSink;

/**
 * One utterance being played through several sinks. Each sink is called in its own try/catch: a sink
 * that fails is logged and dropped, and the others go on.
 */
final class PlaybackSet {
    private static final Logger LOG = LoggerFactory.getLogger(PlaybackSet.class);

    /** What the sinks did with a finished utterance. */
    record Outcome(List<String> sinks, Path file) {}

    private record Entry(String name, AudioSink.Playback playback) {}

    private final List<Entry> live = new CopyOnWriteArrayList<>();
    private final List<String> failedToOpen = new CopyOnWriteArrayList<>();
    private final List<String> failed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean aborted = new AtomicBoolean();

    void open(NamedSink sink, AudioInfo info) {
        try {
            AudioSink.Playback p = sink.sink().open(info);
            if (p == null) {
                throw new IllegalStateException("open() returned nothing");
            }
            live.add(new Entry(sink.name(), p));
        } catch (Exception | LinkageError e) {
            LOG.warn(
                    "The sound output '{}' could not start and is skipped for this request: {}",
                    sink.name(),
                    e.toString());
            LOG.debug("Sink open failure", e);
            failedToOpen.add(sink.name());
        }
    }

    void add(String name, AudioSink.Playback playback) {
        live.add(new Entry(name, playback));
    }

    boolean isEmpty() {
        return live.isEmpty();
    }

    boolean failedToOpen(String name) {
        return failedToOpen.contains(name);
    }

    /** Every sink that was asked, whether it worked or not. */
    List<String> tried() {
        List<String> all = new ArrayList<>(failedToOpen);
        all.addAll(failed);
        live.forEach(e -> all.add(e.name()));
        return all;
    }

    void write(byte[] pcm) {
        for (Entry e : live) {
            try {
                e.playback().write(pcm, 0, pcm.length);
            } catch (Exception | LinkageError ex) {
                if (aborted.get()) {
                    return;
                }
                LOG.warn(
                        "The sound output '{}' failed while playing and is skipped for the rest of this request: {}",
                        e.name(),
                        ex.toString());
                LOG.debug("Sink write failure", ex);
                live.remove(e);
                failed.add(e.name());
                abortQuietly(e);
            }
        }
    }

    /** Stops every sink at once. Safe to call from another thread and more than once. */
    void abort() {
        if (!aborted.compareAndSet(false, true)) {
            return;
        }
        for (Entry e : live) {
            abortQuietly(e);
        }
    }

    Outcome close() {
        List<String> names = new ArrayList<>();
        Path file = null;
        for (Entry e : live) {
            try {
                e.playback().close();
                names.add(e.name());
                if (file == null && e.playback() instanceof WritesFile) {
                    file = ((WritesFile) e.playback()).file();
                }
            } catch (Exception | LinkageError ex) {
                LOG.warn("The sound output '{}' could not finish: {}", e.name(), ex.toString());
                LOG.debug("Sink close failure", ex);
            }
        }
        return new Outcome(List.copyOf(names), file);
    }

    private static void abortQuietly(Entry e) {
        try {
            e.playback().abort();
        } catch (Exception | LinkageError ex) {
            LOG.debug("Sink '{}' failed to abort: {}", e.name(), ex.toString());
        }
    }
}
