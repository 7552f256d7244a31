package org.talkhost.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.SpeakResult;
import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.detection.ServerKind;

/** Speech streamed from the server and played as it arrives. */
class SpeakerStreamingTest {
    private static final int CHUNK = 2400; // 50 ms at 24 kHz

    @Test
    void theFirstChunkIsPlayedWhileTheServerIsStillGenerating() throws Exception {
        byte[] all = TestAudio.sine(0, 24000, 0.5);
        try (Rig rig = new Rig(TestConfig.defaults().sinks("capture"))) {
            rig.client.streamingCapable = true;
            FakeStream stream = new FakeStream(24000);
            rig.client.stream = () -> stream;
            CapturingSink capture = rig.add(new CapturingSink("capture"));
            stream.push(Arrays.copyOfRange(all, 0, CHUNK));

            CompletableFuture<SpeakResult> f = rig.speaker.submit(SpeakRequest.of("Streaming, please."));

            await().atMost(Duration.ofSeconds(5)).until(() -> capture.size() == CHUNK);
            assertThat(stream.ended()).as("the server is still generating").isFalse();
            assertThat(f).isNotDone();
            for (int off = CHUNK; off < all.length; off += CHUNK - 1) { // odd sizes split samples
                stream.push(Arrays.copyOfRange(all, off, Math.min(all.length, off + CHUNK - 1)));
            }
            stream.end();

            SpeakResult r = f.get(10, TimeUnit.SECONDS);
            assertThat(capture.bytes()).as("every sample, in order").isEqualTo(all);
            assertThat(capture.opened)
                    .singleElement()
                    .satisfies(i -> assertThat(i.sampleRate()).isEqualTo(24000));
            assertThat(r.streamed()).isTrue();
            assertThat(r.audioSeconds()).isCloseTo(1.0, within(0.001));
            assertThat(r.rms()).isCloseTo(0.5 / Math.sqrt(2), within(0.002));
            assertThat(r.timeToFirstAudio()).isLessThan(r.took());
            assertThat(stream.closed()).isTrue();
            assertThat(rig.client.generateCalls).hasValue(0);
        }
    }

    @Test
    void theServerIsAskedOnceWhetherItCanStreamAndV1Can() throws Exception {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("capture"))) {
            rig.client.flavour = ServerKind.V1;
            rig.client.stream =
                    () -> new FakeStream(24000).push(TestAudio.sine(0.2, 0.5)).end();
            rig.add(new CapturingSink("capture"));

            assertThat(rig.speaker.speak(SpeakRequest.of("One.")).streamed()).isTrue();
            assertThat(rig.speaker.speak(SpeakRequest.of("Two.")).streamed()).isTrue();

            assertThat(rig.client.settingsCalls).hasValue(1);
            assertThat(rig.client.streamCalls).hasValue(2);
        }
    }

    @Test
    void aServerThatCannotStreamOrARequestThatDoesNotWantToMakesAWholeFile() {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("capture"))) {
            rig.add(new CapturingSink("capture"));

            assertThat(rig.speaker.speak(SpeakRequest.of("No stream here.")).streamed())
                    .isFalse();
            rig.client.streamingCapable = true;
            assertThat(rig.speaker
                            .speak(new SpeakRequest("Whole, please.", "", "", null, false, 1))
                            .streamed())
                    .isFalse();
            assertThat(rig.client.streamCalls).hasValue(0);
        }
    }

    @Test
    void aMissingStreamingEndpointFallsBackToAWholeFileFromThenOn() {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("capture"))) {
            rig.client.streamingCapable = true;
            rig.client.stream = () -> {
                throw new ServerFailureException(404, "AllTalk does not know this request.", "404 Not Found", null);
            };
            CapturingSink capture = rig.add(new CapturingSink("capture"));

            SpeakResult first = rig.speaker.speak(SpeakRequest.of("Hello."));
            SpeakResult second = rig.speaker.speak(SpeakRequest.of("Again."));

            assertThat(first.streamed()).isFalse();
            assertThat(second.streamed()).isFalse();
            assertThat(rig.client.streamCalls).hasValue(1);
            assertThat(capture.size()).isEqualTo(2 * 24000 * 2);
        }
    }

    @Test
    void aStreamThatIsAWebPageIsReportedAndNotPlayed() {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("capture"))) {
            rig.client.streamingCapable = true;
            rig.client.stream = () -> new FakeStream(24000)
                    .push("{\"detail\":\"You currently have no TTS model loaded.\"}".getBytes(StandardCharsets.UTF_8))
                    .end();
            CapturingSink capture = rig.add(new CapturingSink("capture"));

            assertThatThrownBy(() -> rig.speaker.speak(SpeakRequest.of("Hello.")))
                    .hasMessageStartingWith("AllTalk answered with something that is not sound "
                            + "(it looked like a data message), so nothing was played.");
            assertThat(capture.opened).isEmpty();
        }
    }

    @Test
    void aStreamedSilenceIsReported() {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("capture"))) {
            rig.client.streamingCapable = true;
            rig.client.stream =
                    () -> new FakeStream(24000).push(new byte[24000]).end();
            rig.add(new CapturingSink("capture"));

            assertThatThrownBy(() -> rig.speaker.speak(SpeakRequest.of("Hello?")))
                    .hasMessageContaining("with silence: 0.5 seconds of sound too quiet to hear");
            assertThat(rig.events.withCode("audio.silence")).hasSize(1);
        }
    }

    @Test
    void aWavHeaderLeftInTheStreamIsNotPlayedAsSound() throws Exception {
        byte[] pcm = TestAudio.sine(0.2, 0.5);
        try (Rig rig = new Rig(TestConfig.defaults().sinks("capture"))) {
            rig.client.streamingCapable = true;
            rig.client.stream = () -> new FakeStream(24000)
                    .push(WavHeader.of(24000, 1, 0))
                    .push(pcm)
                    .end();
            CapturingSink capture = rig.add(new CapturingSink("capture"));

            rig.speaker.speak(SpeakRequest.of("Header."));

            assertThat(capture.bytes()).isEqualTo(pcm);
        }
    }
}
