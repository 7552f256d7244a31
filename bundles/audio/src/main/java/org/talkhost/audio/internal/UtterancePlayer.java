package org.talkhost.audio.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.audio.AudioInfo;
import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.SpeakResult;
import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.client.GenerateRequest;

/** Speaks one request: streamed when it can be, else as a whole file; into its sinks; checked. */
final class UtterancePlayer {
    private static final Logger LOG = LoggerFactory.getLogger(UtterancePlayer.class);

    private final AllTalkClient client;
    private final SinkSelection selection;
    private final StreamingSupport streaming;
    private final AudioNotices notices;

    UtterancePlayer(AllTalkClient client, SinkSelection selection, StreamingSupport streaming, AudioNotices notices) {
        this.client = client;
        this.selection = selection;
        this.streaming = streaming;
        this.notices = notices;
    }

    SpeakResult play(SpeakJob job, AudioConfig config) {
        SpeakRequest request = job.request();
        SpeechChecks checks = new SpeechChecks(notices, config.minRms());
        double volume = Math.min(1, Math.max(0, config.volume())) * request.volume();
        Delivery delivery = new Delivery(job, info -> open(request, config, info), volume);
        GenerateRequest generate = new GenerateRequest(request.text(), request.voice(), request.language(), "", false,
                "", true, Map.of());
        boolean streamed = false;
        try {
            if (request.stream() && config.preferStreaming() && streaming.canStream(client)) {
                streamed = new StreamedSpeech(client, streaming, checks, notices).play(job, generate, delivery);
            }
            if (!streamed && !job.aborted()) {
                new WholeFileSpeech(client, checks).play(job, generate, delivery);
            }
            if (job.aborted()) {
                delivery.abandon();
                throw new CancellationException("stopped");
            }
            PlaybackSet.Outcome outcome = delivery.finish();
            if (outcome.sinks().isEmpty()) {
                throw new AudioProblem("audio.sinks-failed",
                        notices.text("audio.sinks-failed", String.join(", ", delivery.tried())), null);
            }
            if (streamed) {
                checks.requireAudible(delivery.meter(), request.text(), delivery.seconds());
            }
            return new SpeakResult(request.text(), outcome.sinks(), outcome.file(), delivery.seconds(),
                    delivery.meter().rms(), delivery.firstAudio(), job.sinceStart(), streamed);
        } catch (RuntimeException e) {
            delivery.abandon();
            throw e;
        }
    }

    private PlaybackSet open(SpeakRequest request, AudioConfig config, AudioInfo info) {
        PlaybackSet set = new PlaybackSet();
        if (request.toFile() != null) {
            try {
                set.add(FileSink.NAME, WavFilePlayback.create(request.toFile(), info));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot write {}: {}", request.toFile(), e.toString());
                throw new AudioProblem("audio.file-failed", notices.text("audio.file-failed", request.toFile()), e);
            }
            return set;
        }
        List<NamedSink> chosen = selection.choose(config);
        chosen.forEach(s -> set.open(s, info));
        if (set.failedToOpen(SpeakersSink.NAME)) {
            selection.fallback(chosen, config).ifPresent(s -> set.open(s, info));
        }
        if (set.isEmpty()) {
            throw new AudioProblem("audio.no-sinks",
                    notices.text("audio.no-sinks", String.join(", ", config.sinks())), null);
        }
        return set;
    }
}
