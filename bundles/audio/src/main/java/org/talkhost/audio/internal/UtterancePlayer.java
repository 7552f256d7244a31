package org.talkhost.audio.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.audio.AudioInfo;
import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.SpeakResult;
import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.client.GenerateRequest;
import org.talkhost.common.Threads;

/**
 * Speaks one request: streamed when it can be, else as a whole file; into its sinks; checked. Text longer
 * than AllTalk takes is spoken in pieces, in order, into the same sinks (one file for {@code --to}): the first
 * piece streams while the next ones are generated.
 */
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
        List<String> pieces = TextPieces.split(request.text(), TextPieces.ALLTALK_LIMIT);
        GenerateRequest generate = generateRequest(request, pieces.get(0));
        WholeFileSpeech whole = new WholeFileSpeech(client, checks);
        boolean streamed = false;
        ExecutorService ahead =
                pieces.size() > 1 ? Executors.newSingleThreadExecutor(Threads.named("talkhost-speaker-ahead")) : null;
        try {
            // later pieces are made one after the other while the first one plays
            List<CompletableFuture<Pcm>> later = new ArrayList<>();
            for (String piece : pieces.subList(1, pieces.size())) {
                later.add(
                        CompletableFuture.supplyAsync(() -> whole.fetch(job, generateRequest(request, piece)), ahead));
            }
            if (request.stream() && config.preferStreaming() && streaming.canStream(client)) {
                streamed = new StreamedSpeech(client, streaming, checks, notices).play(job, generate, delivery);
            }
            if (!streamed && !job.aborted()) {
                whole.play(job, generate, delivery);
            }
            for (CompletableFuture<Pcm> next : later) {
                Pcm pcm = job.aborted() ? null : joined(next);
                if (pcm != null) {
                    whole.play(job, pcm, delivery);
                }
            }
            if (job.aborted()) {
                delivery.abandon();
                throw new CancellationException("stopped");
            }
            PlaybackSet.Outcome outcome = delivery.finish();
            if (outcome.sinks().isEmpty()) {
                throw new AudioProblem(
                        "audio.sinks-failed",
                        notices.text("audio.sinks-failed", String.join(", ", delivery.tried())),
                        null);
            }
            if (streamed) {
                checks.requireAudible(delivery.meter(), request.text(), delivery.seconds());
            }
            return new SpeakResult(
                    request.text(),
                    outcome.sinks(),
                    outcome.file(),
                    delivery.seconds(),
                    delivery.meter().rms(),
                    delivery.firstAudio(),
                    job.sinceStart(),
                    streamed);
        } catch (RuntimeException e) {
            delivery.abandon();
            throw e;
        } finally {
            if (ahead != null) {
                ahead.shutdownNow();
            }
        }
    }

    private static GenerateRequest generateRequest(SpeakRequest request, String text) {
        return new GenerateRequest(text, request.voice(), request.language(), "", false, "", true, Map.of());
    }

    private static Pcm joined(CompletableFuture<Pcm> piece) {
        try {
            return piece.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
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
            throw new AudioProblem(
                    "audio.no-sinks", notices.text("audio.no-sinks", String.join(", ", config.sinks())), null);
        }
        return set;
    }
}
