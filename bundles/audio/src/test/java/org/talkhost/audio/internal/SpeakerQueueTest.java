package org.talkhost.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.SpeakResult;

/** One generation at a time, a bounded queue, stop, skip and cancel. */
class SpeakerQueueTest {
    private static final String BUSY =
            "TalkHost is already working through 16 requests; this one was not queued. " + "Try again in a moment.";

    @Test
    void fiftyRequestsAtOnceAgainstASlowServerAreEachAnsweredOrRefusedPlainly() throws Exception {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("null"))) {
            rig.add(new NullSink());
            rig.client.generateGate = new CountDownLatch(1);
            ExecutorService callers = Executors.newFixedThreadPool(50);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<CompletableFuture<SpeakResult>>> submitted = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    SpeakRequest request = SpeakRequest.of("Request number " + i + ".");
                    submitted.add(callers.submit(() -> {
                        go.await();
                        return rig.speaker.submit(request);
                    }));
                }
                go.countDown();
                List<CompletableFuture<SpeakResult>> futures = new ArrayList<>();
                for (Future<CompletableFuture<SpeakResult>> s : submitted) {
                    futures.add(s.get(10, TimeUnit.SECONDS));
                }

                List<CompletableFuture<SpeakResult>> refused = futures.stream()
                        .filter(CompletableFuture::isCompletedExceptionally)
                        .toList();
                assertThat(refused)
                        .as("refused at once")
                        .hasSize(34)
                        .allSatisfy(f -> assertThat(f)
                                .failsWithin(Duration.ZERO)
                                .withThrowableOfType(ExecutionException.class)
                                .havingCause()
                                .isInstanceOf(RejectedExecutionException.class)
                                .withMessage(BUSY));
                assertThat(rig.client.generating.await(5, TimeUnit.SECONDS)).isTrue();
                assertThat(rig.speaker.queue())
                        .as("one speaking, fifteen waiting")
                        .hasSize(15);
                assertThat(rig.client.generateCalls)
                        .as("one generation at a time")
                        .hasValue(1);

                rig.client.generateGate.countDown();

                List<CompletableFuture<SpeakResult>> accepted = new ArrayList<>(futures);
                accepted.removeAll(refused);
                assertThat(accepted).hasSize(16).allSatisfy(f -> assertThat(f).succeedsWithin(Duration.ofSeconds(10)));
                assertThat(rig.client.generateCalls).hasValue(16);
                assertThat(rig.events.withCode("audio.busy"))
                        .as("said once, not 34 times")
                        .hasSize(1);
            } finally {
                callers.shutdownNow();
            }
        }
    }

    @Test
    void stopEmptiesTheQueueAndStopsTheGeneration() throws Exception {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("null"))) {
            rig.add(new NullSink());
            rig.client.generateGate = new CountDownLatch(1);
            List<CompletableFuture<SpeakResult>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(rig.speaker.submit(SpeakRequest.of("Number " + i + ".")));
            }
            assertThat(rig.client.generating.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(rig.speaker.queue()).hasSize(3);

            assertThat(rig.speaker.stop()).isEqualTo(4);

            assertThat(rig.speaker.queue()).isEmpty();
            assertThat(futures).allSatisfy(f -> assertThat(f).isCancelled());
            assertThat(rig.client.stopCalls).hasValue(1);
            SpeakResult next =
                    rig.speaker.submit(SpeakRequest.of("Still working?")).get(10, TimeUnit.SECONDS);
            assertThat(next.audioSeconds()).isEqualTo(1.0);
            assertThat(rig.client.generateCalls).hasValue(2);
        }
    }

    @Test
    void aSpeakerStoppedWhileSpeakingTellsTheWaitingCallerInPlainWords() throws Exception {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("null"))) {
            rig.add(new NullSink());
            rig.client.generateGate = new CountDownLatch(1);
            CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
                try {
                    rig.speaker.speak(SpeakRequest.of("Interrupted by an update."));
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            assertThat(rig.client.generating.await(5, TimeUnit.SECONDS)).isTrue();
            rig.speaker.deactivate();
            assertThat(failure.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("This request was stopped before it finished")
                    .hasMessageContaining("Say it again");
        }
    }

    @Test
    void skipDropsTheCurrentRequestAndTheQueueGoesOn() throws Exception {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("capture"))) {
            CapturingSink capture = rig.add(new CapturingSink("capture"));
            rig.client.generateGate = new CountDownLatch(1);
            CompletableFuture<SpeakResult> first = rig.speaker.submit(SpeakRequest.of("First."));
            CompletableFuture<SpeakResult> second = rig.speaker.submit(SpeakRequest.of("Second."));
            assertThat(rig.client.generating.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(rig.speaker.skip()).isTrue();

            assertThat(first).isCancelled();
            assertThat(second.get(10, TimeUnit.SECONDS).text()).isEqualTo("Second.");
            assertThat(capture.opened)
                    .singleElement()
                    .satisfies(i -> assertThat(i.text()).isEqualTo("Second."));
            assertThat(rig.client.stopCalls).hasValue(1);
        }
    }

    @Test
    void cancellingAFutureTakesItOutOfTheQueueOrStopsIt() throws Exception {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("capture"))) {
            CapturingSink capture = rig.add(new CapturingSink("capture"));
            rig.client.streamingCapable = true;
            FakeStream stream = new FakeStream(24000).push(TestAudio.sine(0.2, 0.5));
            rig.client.stream = () -> stream;
            CompletableFuture<SpeakResult> playing = rig.speaker.submit(SpeakRequest.of("Playing."));
            CompletableFuture<SpeakResult> waiting = rig.speaker.submit(SpeakRequest.of("Waiting."));
            await().atMost(Duration.ofSeconds(5)).until(() -> capture.size() > 0);

            waiting.cancel(true);
            assertThat(rig.speaker.queue()).isEmpty();
            playing.cancel(true);

            assertThat(stream.cancelled()).isTrue();
            assertThat(capture.aborted).hasValue(1);
            assertThat(rig.client.stopCalls).hasValue(1);
            rig.client.stream =
                    () -> new FakeStream(24000).push(TestAudio.sine(0.2, 0.5)).end();
            assertThat(rig.speaker
                            .submit(SpeakRequest.of("Next."))
                            .get(10, TimeUnit.SECONDS)
                            .text())
                    .isEqualTo("Next.");
            assertThat(rig.client.streamCalls)
                    .as("the cancelled waiting request never ran")
                    .hasValue(2);
        }
    }
}
