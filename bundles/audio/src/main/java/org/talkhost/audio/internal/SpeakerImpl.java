package org.talkhost.audio.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.audio.AudioSink;
import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.SpeakResult;
import org.talkhost.api.audio.Speaker;
import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.client.AllTalkException;
import org.talkhost.api.config.Instances;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.common.Threads;

/**
 * Speaks through AllTalk, one request at a time, into the sinks registered on the whiteboard.
 * Requests wait in a bounded queue; stop, skip and cancelling a future cut the playback and ask
 * AllTalk to stop generating.
 */
@Component(service = Speaker.class, configurationPid = AudioConfig.PID)
@Designate(ocd = AudioConfig.class)
public final class SpeakerImpl implements Speaker {
    private static final Logger LOG = LoggerFactory.getLogger(SpeakerImpl.class);

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OperationsLog operationsLog;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Metrics metrics;

    private final AllTalkClient client;
    private final SinkBoard board = new SinkBoard();
    private final AudioNotices notices = new AudioNotices(() -> events);
    private final SinkSelection selection = new SinkSelection(board, notices, this::operations);
    private final RequestQueue queue;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Threads.named("talkhost-speaker"));
    private volatile AudioConfig config;

    @Activate
    public SpeakerImpl(
            @Reference(target = "(" + Instances.NAME + "=" + Instances.DEFAULT + ")") AllTalkClient client,
            AudioConfig config) {
        this.client = client;
        this.config = config;
        this.queue = new RequestQueue(config.queueBound());
        UtterancePlayer player = new UtterancePlayer(client, selection, new StreamingSupport(), notices);
        worker.execute(new SpeakWorker(queue, player, () -> this.config, notices, this::operations, this::metrics));
        LOG.info("Speaker started: sinks {}, queue of {}", List.of(config.sinks()), config.queueBound());
    }

    @Modified
    void configure(AudioConfig config) {
        this.config = config;
        queue.bound(config.queueBound());
        LOG.info("Speaker settings changed: sinks {}, queue of {}", List.of(config.sinks()), config.queueBound());
    }

    @Deactivate
    void deactivate() {
        stop();
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Speaker stopped");
    }

    @Reference(
            name = "sinks",
            service = AudioSink.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeSink",
            updated = "updatedSink")
    void addSink(AudioSink sink, Map<String, Object> properties) {
        board.add(sink, properties);
    }

    /** A sink's service properties changed: it is known by its new name from the next speech on. */
    void updatedSink(AudioSink sink, Map<String, Object> properties) {
        board.update(sink, properties);
    }

    void removeSink(AudioSink sink) {
        board.remove(sink);
    }

    @Override
    public CompletableFuture<SpeakResult> submit(SpeakRequest request) {
        SpeakJob job = new SpeakJob(Objects.requireNonNull(request, "request"));
        CompletableFuture<SpeakResult> future = job.future();
        future.whenComplete((r, e) -> {
            if (future.isCancelled()) {
                cancelled(job);
            }
        });
        RequestQueue.Offer offer = queue.offer(job);
        if (offer != RequestQueue.Offer.ACCEPTED) {
            if (offer == RequestQueue.Offer.REFUSED_FIRST) {
                notices.warning("audio.busy", queue.bound());
                operations()
                        .warning("Speech request refused: {} requests are already waiting or speaking", queue.bound());
            }
            future.completeExceptionally(new RejectedExecutionException(notices.text("audio.busy", queue.bound())));
        }
        return future;
    }

    @Override
    public SpeakResult speak(SpeakRequest request) {
        try {
            return submit(request).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
        } catch (java.util.concurrent.CancellationException e) {
            // stopped, skipped, or the speech part was swapped while speaking: say so in plain words
            throw new IllegalStateException(notices.text("audio.stopped"), e);
        }
    }

    @Override
    public boolean skip() {
        SpeakJob current = queue.current();
        return current != null && current.future().cancel(true);
    }

    @Override
    public int stop() {
        int dropped = 0;
        for (SpeakJob job : queue.drain()) {
            dropped += job.future().cancel(true) ? 1 : 0;
        }
        SpeakJob current = queue.current();
        if (current != null && current.future().cancel(true)) {
            dropped++;
        }
        if (dropped > 0) {
            operations().info("Speech stopped: {} request(s) dropped", dropped);
        }
        return dropped;
    }

    @Override
    public List<String> queue() {
        return queue.texts();
    }

    @Override
    public List<String> sinks() {
        return selection.availableNames();
    }

    /** A future was cancelled (by stop, skip or its owner): take it out of the queue or cut it off. */
    private void cancelled(SpeakJob job) {
        if (queue.remove(job) || !job.abort()) {
            return;
        }
        try {
            client.stopGeneration();
        } catch (AllTalkException e) {
            LOG.info("Could not ask AllTalk to stop generating: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Could not ask AllTalk to stop generating", e);
        }
    }

    private OperationsLog operations() {
        OperationsLog log = operationsLog;
        return log == null ? OperationsLog.NONE : log;
    }

    private Metrics metrics() {
        Metrics m = metrics;
        return m == null ? Metrics.NONE : m;
    }
}
