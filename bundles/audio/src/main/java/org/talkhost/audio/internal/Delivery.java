package org.talkhost.audio.internal;

import java.time.Duration;

import org.talkhost.api.audio.AudioInfo;
import org.talkhost.api.audio.SpeakRequest;

/**
 * Hands the sound of one request to its sinks: opens them once the format is known, applies the
 * volume, measures loudness, length and the time to the first sound.
 */
final class Delivery {
    /** Opens the sinks of the request for sound of this kind. */
    interface Opener {
        PlaybackSet open(AudioInfo info);
    }

    private final SpeakJob job;
    private final Opener opener;
    private final double volume;
    private final PcmMeter meter = new PcmMeter();
    private PlaybackSet playbacks;
    private Duration firstAudio;
    private int sampleRate;
    private int channels;
    private boolean finished;
    /** For a later piece in another format than the first: into the first one's. */
    private PcmConverter converter;

    Delivery(SpeakJob job, Opener opener, double volume) {
        this.job = job;
        this.opener = opener;
        this.volume = volume;
    }

    /** Opens the sinks for sound of this format; a later piece of the same utterance is converted to the first's. */
    void begin(int sampleRate, int channels) {
        if (playbacks != null) {
            PcmConverter c = new PcmConverter(sampleRate, channels, this.sampleRate, this.channels);
            converter = c.changesNothing() ? null : c;
            return;
        }
        this.sampleRate = sampleRate;
        this.channels = channels;
        SpeakRequest r = job.request();
        playbacks = opener.open(new AudioInfo(sampleRate, channels, r.text(), r.voice()));
        job.attach(playbacks);
    }

    void play(byte[] pcm, int offset, int length) {
        if (length <= 0 || job.aborted()) {
            return;
        }
        if (converter != null) {
            pcm = converter.convert(pcm, offset, length);
            offset = 0;
            length = pcm.length;
        }
        meter.add(pcm, offset, length);
        byte[] out = Volume.scaled(pcm, offset, length, volume);
        if (firstAudio == null) {
            firstAudio = job.sinceStart();
        }
        playbacks.write(out);
    }

    /** Finishes every sink (or cuts them when the request was stopped). */
    PlaybackSet.Outcome finish() {
        finished = true;
        if (playbacks == null) {
            return new PlaybackSet.Outcome(java.util.List.of(), null);
        }
        if (job.aborted()) {
            playbacks.abort();
            return new PlaybackSet.Outcome(java.util.List.of(), null);
        }
        return playbacks.close();
    }

    /** Drops what was started and not finished: the request failed or was stopped. */
    void abandon() {
        if (playbacks != null && !finished) {
            playbacks.abort();
        }
    }

    /** Names of every sink that was asked to play. */
    java.util.List<String> tried() {
        return playbacks == null ? java.util.List.of() : playbacks.tried();
    }

    PcmMeter meter() {
        return meter;
    }

    double seconds() {
        return meter.seconds(sampleRate, channels);
    }

    /** From the start of the request to the first sound handed to a sink; null before. */
    Duration firstAudio() {
        return firstAudio;
    }
}
