package org.talkhost.audio.internal;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.audio.SpeakResult;
import org.talkhost.api.client.AllTalkException;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.notice.Notice;

/** The one thread that speaks: takes requests in order and tells how each one went. */
final class SpeakWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SpeakWorker.class);

    private final RequestQueue queue;
    private final UtterancePlayer player;
    private final Supplier<AudioConfig> config;
    private final AudioNotices notices;
    private final Supplier<OperationsLog> operations;
    private final Supplier<Metrics> metrics;

    SpeakWorker(
            RequestQueue queue,
            UtterancePlayer player,
            Supplier<AudioConfig> config,
            AudioNotices notices,
            Supplier<OperationsLog> operations,
            Supplier<Metrics> metrics) {
        this.queue = queue;
        this.player = player;
        this.config = config;
        this.notices = notices;
        this.operations = operations;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            SpeakJob job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                if (!job.future().isDone()) {
                    speak(job);
                }
            } finally {
                queue.finished(job);
            }
        }
    }

    private void speak(SpeakJob job) {
        job.start();
        String text = AudioNotices.excerpt(job.request().text());
        try {
            SpeakResult r = player.play(job, config.get());
            job.future().complete(r);
            metrics.get().record("audio.speak", r.took(), true);
            if (r.timeToFirstAudio() != null) {
                metrics.get().record("audio.first-audio", r.timeToFirstAudio(), true);
            }
            operations
                    .get()
                    .info(
                            "Spoke \"{}\": {} s of sound ({}), first sound after {} ms, done in {} ms, to {}",
                            text,
                            String.format(java.util.Locale.ROOT, "%.2f", r.audioSeconds()),
                            r.streamed() ? "streamed" : "whole file",
                            millis(r.timeToFirstAudio()),
                            millis(r.took()),
                            r.file() != null ? r.sinks() + " " + r.file() : r.sinks());
        } catch (CancellationException e) {
            operations.get().info("Stopped speaking \"{}\" after {} ms", text, millis(job.sinceStart()));
            job.future().cancel(false);
        } catch (RuntimeException | Error e) {
            if (job.aborted()) {
                LOG.debug("Stopped request ended with {}", e.toString());
                job.future().cancel(false);
                return;
            }
            failed(job, text, e);
            if (e instanceof VirtualMachineError) {
                throw (VirtualMachineError) e;
            }
        }
    }

    private void failed(SpeakJob job, String text, Throwable e) {
        metrics.get().record("audio.speak", job.sinceStart(), false);
        RuntimeException plain;
        if (e instanceof PlainProblem) {
            PlainProblem p = (PlainProblem) e;
            notices.post(
                    p.level() == Notice.Level.WARNING
                            ? Notice.warning("audio", p.code(), p.getMessage())
                            : Notice.error("audio", p.code(), p.getMessage()));
            plain = (RuntimeException) e;
        } else if (e instanceof AllTalkException) {
            notices.error("audio.failed", text, e.getMessage());
            plain = (RuntimeException) e;
        } else {
            LOG.error("Speaking \"{}\" failed unexpectedly", text, e);
            plain = new IllegalStateException(notices.text("audio.unexpected"), e);
            notices.error("audio.failed", text, plain.getMessage());
        }
        String detail = e instanceof AllTalkException ? ((AllTalkException) e).detail() : e.toString();
        operations.get().warning("Could not speak \"{}\": {} ({})", text, e.getMessage(), detail);
        job.future().completeExceptionally(plain);
    }

    private static long millis(Duration d) {
        return d == null ? -1 : d.toMillis();
    }
}
