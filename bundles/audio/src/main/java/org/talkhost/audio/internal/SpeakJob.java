package org.talkhost.audio.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.SpeakResult;
import org.talkhost.api.client.AudioStream;

/** One request on its way: waiting, generating, streaming or playing; abortable from any thread. */
final class SpeakJob {
    enum Phase {
        WAITING,
        GENERATING,
        STREAMING,
        PLAYING
    }

    private final SpeakRequest request;
    private final CompletableFuture<SpeakResult> future = new CompletableFuture<>();
    private final AtomicBoolean aborted = new AtomicBoolean();
    private volatile long startNanos;
    private volatile Phase phase = Phase.WAITING;
    private volatile AudioStream stream;
    private volatile PlaybackSet playbacks;

    SpeakJob(SpeakRequest request) {
        this.request = request;
    }

    SpeakRequest request() {
        return request;
    }

    CompletableFuture<SpeakResult> future() {
        return future;
    }

    /** The worker begins: times are measured from here. */
    void start() {
        startNanos = System.nanoTime();
    }

    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    void phase(Phase p) {
        phase = p;
    }

    boolean aborted() {
        return aborted.get();
    }

    void attach(AudioStream s) {
        stream = s;
        if (aborted.get()) {
            cancelQuietly(s);
        }
    }

    void attach(PlaybackSet p) {
        playbacks = p;
        if (aborted.get()) {
            p.abort();
        }
    }

    /**
     * Stops this request: cancels its stream and cuts its playback. Returns true the first time when AllTalk
     * was generating for it (the caller then asks AllTalk to stop).
     */
    boolean abort() {
        if (!aborted.compareAndSet(false, true)) {
            return false;
        }
        Phase p = phase;
        AudioStream s = stream;
        if (s != null) {
            cancelQuietly(s);
        }
        PlaybackSet set = playbacks;
        if (set != null) {
            set.abort();
        }
        return p == Phase.GENERATING || p == Phase.STREAMING;
    }

    private static void cancelQuietly(AudioStream s) {
        try {
            s.cancel();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SpeakJob.class).debug("Stream cancel failed: {}", e.toString());
        }
    }
}
