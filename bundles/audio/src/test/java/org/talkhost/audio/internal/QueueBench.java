package org.talkhost.audio.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.talkhost.api.audio.AudioSink;
import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.SpeakResult;

/**
 * #20's queue curve: the speak queue with 10, 100 and 1,000 requests waiting behind one that AllTalk is still
 * generating (a paced fake that takes an hour). For each: the heap they hold (after GC, against the same speaker
 * empty) and the time {@code submit} takes to refuse one more, against the time to accept one into an empty
 * queue (the baseline in the same run). Goal: flat, under 1 MB per 1,000 waiting, a refusal under 1 ms.
 *
 * <pre>java -cp ... org.talkhost.audio.internal.QueueBench</pre>
 */
public final class QueueBench {
    private static final int REFUSALS = 2_000;

    private QueueBench() {}

    public static void main(String[] args) throws Exception {
        System.out.println("speak queue, requests waiting behind one being generated; refusal of one more: " + REFUSALS
                + " tries each");
        System.out.println("  waiting   heap held    per 1,000   refuse one more: median   p99      "
                + "accept into an empty queue: median");
        StringBuilder curve = new StringBuilder();
        double[] last = null;
        for (int waiting : new int[] {10, 100, 1000}) {
            last = measure(waiting);
            curve.append(curve.length() == 0 ? "" : "; ")
                    .append(String.format(
                            Locale.ROOT, "%d waiting: %.0f KB held, refusal %.1f us", waiting, last[0], last[2]));
        }
        // a line bench/run puts in the results table
        boolean met = last[1] < 1.0 && last[2] < 1000;
        System.out.printf(
                Locale.ROOT,
                "row|audio|speak queue with 1,000 waiting: heap per 1,000 waiting, time to refuse one more|%.2f MB,"
                        + " %.1f us|< 1 MB per 1,000, refusal < 1 ms, flat|%s; %s; baseline: accepting one into an"
                        + " empty queue %.1f us (GC makes the heap figure noisy below 100 waiting)%n",
                last[1],
                last[2],
                met ? "goal met" : "goal NOT met",
                curve,
                last[3]);
        System.exit(0); // the fake's hour-long generations are not waited for
    }

    /** Heap KB held, MB per 1,000, median refusal us, median accept us. */
    private static double[] measure(int waiting) throws Exception {
        PacedClient client = new PacedClient(1.0, 1.0, 3_600_000);
        SpeakerImpl speaker = new SpeakerImpl(
                client, TestConfig.defaults().sinks("null").minRmsOff().queue(waiting + 1));
        speaker.addSink(new NullSink(), Map.of(AudioSink.NAME, NullSink.NAME));
        double accept = acceptTime();
        long before = heapAfterGc();
        List<CompletableFuture<SpeakResult>> held = new ArrayList<>();
        for (int i = 0; i <= waiting; i++) {
            held.add(speaker.submit(request(i)));
        }
        while (speaker.queue().size() < waiting) {
            Thread.sleep(1);
        }
        long after = heapAfterGc();
        long[] refuse = new long[REFUSALS];
        for (int i = 0; i < REFUSALS; i++) {
            SpeakRequest one = request(-i);
            long t0 = System.nanoTime();
            CompletableFuture<SpeakResult> f = speaker.submit(one);
            refuse[i] = System.nanoTime() - t0;
            if (!f.isCompletedExceptionally()) {
                throw new IllegalStateException("a full queue took one more");
            }
        }
        Arrays.sort(refuse);
        double held1000 = (after - before) / 1024.0 / 1024.0 * 1000 / waiting;
        System.out.printf(
                Locale.ROOT,
                "  %7d   %7.1f KB   %7.2f MB   %13.1f us   %7.1f us   %13.1f us%n",
                waiting,
                (after - before) / 1024.0,
                held1000,
                refuse[REFUSALS / 2] / 1e3,
                refuse[REFUSALS * 99 / 100] / 1e3,
                accept);
        speaker.stop();
        held.clear();
        return new double[] {(after - before) / 1024.0, held1000, refuse[REFUSALS / 2] / 1e3, accept};
    }

    /** Median microseconds to accept one request into an empty queue (with nothing generating, it is spoken). */
    private static double acceptTime() {
        SpeakerImpl empty = new SpeakerImpl(
                new PacedClient(0.2, 0.2, 0),
                TestConfig.defaults().sinks("null").minRmsOff());
        empty.addSink(new NullSink(), Map.of(AudioSink.NAME, NullSink.NAME));
        try {
            long[] t = new long[200];
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                CompletableFuture<SpeakResult> f = empty.submit(request(i));
                t[i] = System.nanoTime() - t0;
                f.join();
            }
            Arrays.sort(t);
            return t[t.length / 2] / 1e3;
        } finally {
            empty.deactivate();
        }
    }

    private static SpeakRequest request(int i) {
        return new SpeakRequest("Sentence number " + i + " waits for its turn to be spoken.", "", "", null, false, 1.0);
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
