package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.SpeakResult;
import org.talkhost.api.audio.Speaker;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

/**
 * Scenario 5, resource exhaustion: 50 requests at once while every generation is slow. The queue bound
 * holds, every request ends (spoken, or refused with the plain busy message), none hangs, and the
 * host's memory stays bounded.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ScenarioLoadTest {
    private static final int REQUESTS = 50;
    private static final int BOUND = 16;
    private static final long MAX_HEAP_GROWTH = 64L << 20;
    private static final String BUSY = "TalkHost is already working through " + BOUND + " requests";

    @Inject
    Speaker speaker;

    @Inject
    Supervisor supervisor;

    @Configuration
    public Option[] config() throws Exception {
        Path home = ScenarioExam.standinHome("standinArgs=\"--load-seconds 0 --generate-seconds 0.3\"");
        Files.write(
                home.resolve("config/org.talkhost.audio.config"),
                List.of("sinks=[\"null\"]", "queueBound=I\"" + BOUND + "\""),
                StandardCharsets.UTF_8);
        return ScenarioExam.options(home);
    }

    @Test
    public void fiftyAtOnceWhileGenerationIsSlow_boundHoldsNoneLostNoneHangingMemoryBounded() throws Exception {
        RunState state = supervisor.ensureRunning(NoticeListener.NONE);
        assertThat(state.ready()).as(state.explanation()).isTrue();
        String commandLine = ProcessHandle.of(state.pid())
                .flatMap(h -> h.info().commandLine())
                .orElse("");
        assertThat(commandLine)
                .as("the stand-in runs with the configured standinArgs (slow generation)")
                .contains("--generate-seconds 0.3");
        speaker.speak(SpeakRequest.of("Warming up."));
        long heapBefore = usedHeapAfterGc();

        AtomicInteger maxWaiting = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(REQUESTS + 1);
        List<CompletableFuture<SpeakResult>> futures;
        long t0 = System.nanoTime();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<CompletableFuture<SpeakResult>>> submits = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String text = "This is request number " + (i + 1) + " of the load test.";
                submits.add(callers.submit(() -> {
                    go.await();
                    return speaker.submit(SpeakRequest.of(text));
                }));
            }
            AtomicInteger done = new AtomicInteger();
            callers.execute(() -> {
                while (done.get() == 0) {
                    maxWaiting.accumulateAndGet(speaker.queue().size(), Math::max);
                    LockSupport.parkNanos(1_000_000);
                }
            });
            go.countDown();
            futures = new ArrayList<>();
            for (Future<CompletableFuture<SpeakResult>> f : submits) {
                futures.add(f.get(10, TimeUnit.SECONDS));
            }
            Outcome outcome = Outcome.of(futures, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
            done.set(1);
            long heapAfter = usedHeapAfterGc();
            System.out.printf(
                    "Load: %d requests in %d ms: %d spoken, %d refused as busy, %d other failures, "
                            + "%d still running; most waiting at once %d (bound %d); used heap after GC %+.1f MB%n",
                    REQUESTS,
                    (System.nanoTime() - t0) / 1_000_000,
                    outcome.spoken,
                    outcome.busy,
                    outcome.others.size(),
                    outcome.hanging,
                    maxWaiting.get(),
                    BOUND,
                    (heapAfter - heapBefore) / 1048576.0);

            assertThat(outcome.hanging)
                    .as("requests still not finished after 60 s")
                    .isZero();
            assertThat(outcome.others)
                    .as("failures other than the plain busy message")
                    .isEmpty();
            assertThat(outcome.spoken + outcome.busy)
                    .as("requests accounted for")
                    .isEqualTo(REQUESTS);
            assertThat(outcome.busy)
                    .as("requests refused because the queue was full")
                    .isPositive();
            assertThat(outcome.spoken).as("requests spoken").isGreaterThanOrEqualTo(BOUND);
            // The bound counts the waiting and the one speaking: 15 wait while one speaks, but in the moment
            // between two sentences (none speaking) a 16th may come in. Never more than BOUND wait.
            assertThat(maxWaiting.get())
                    .as("requests waiting at once (at most %d held, the one speaking included)", BOUND)
                    .isLessThanOrEqualTo(BOUND);
            assertThat(heapAfter - heapBefore)
                    .as("growth of the used heap after GC, bytes")
                    .isLessThan(MAX_HEAP_GROWTH);
        } finally {
            callers.shutdownNow();
        }
        SpeakResult after = speaker.speak(SpeakRequest.of("Still here after the rush."));
        assertThat(after.audioSeconds()).isPositive();
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** What became of the futures by a deadline. */
    private static final class Outcome {
        int spoken;
        int busy;
        int hanging;
        final List<String> others = new ArrayList<>();

        static Outcome of(List<CompletableFuture<SpeakResult>> futures, long deadline) throws InterruptedException {
            Outcome o = new Outcome();
            for (CompletableFuture<SpeakResult> f : futures) {
                try {
                    f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    o.spoken++;
                } catch (ExecutionException e) {
                    String msg = String.valueOf(e.getCause().getMessage());
                    if (msg.startsWith(BUSY) && !msg.contains("Exception")) {
                        o.busy++;
                    } else {
                        o.others.add(e.getCause().getClass().getSimpleName() + ": " + msg);
                    }
                } catch (TimeoutException e) {
                    o.hanging++;
                }
            }
            return o;
        }
    }
}
