package org.talkhost.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.SpeakResult;

/** Which sinks play: speakers, the fallback to files, add-on sinks that come, go or break. */
class SpeakerSinksTest {
    @TempDir
    Path dir;

    @Test
    void withoutASoundDeviceSpeechGoesToFilesAndThisIsSaidOnce() throws Exception {
        try (Rig rig = new Rig(TestConfig.defaults())) {
            rig.add(new SpeakersSink(new Device(false, null)));
            rig.fileSink(dir);

            SpeakResult first = rig.speaker.speak(SpeakRequest.of("First."));
            SpeakResult second = rig.speaker.speak(SpeakRequest.of("Second."));

            assertThat(first.sinks()).containsExactly("file");
            assertThat(first.file()).exists().hasParent(dir);
            assertThat(second.file()).exists().isNotEqualTo(first.file());
            assertThat(WavReader.read(Files.readAllBytes(first.file())).seconds())
                    .isEqualTo(1.0);
            assertThat(rig.events.withCode("audio.no-device"))
                    .singleElement()
                    .satisfies(n -> assertThat(n.text())
                            .isEqualTo("No sound device was found, so TalkHost saves speech to files in " + dir
                                    + " instead. Connect speakers or set sinks=file to keep it that way."));
            assertThat(rig.speaker.sinks()).containsExactly("file");
        }
    }

    @Test
    void speakersPlayOnTheSoundLine() throws Exception {
        ByteArrayOutputStream played = new ByteArrayOutputStream();
        SourceDataLine line = mock(SourceDataLine.class);
        when(line.write(any(), anyInt(), anyInt())).thenAnswer(inv -> {
            played.write(inv.getArgument(0), inv.getArgument(1), inv.getArgument(2));
            return inv.getArgument(2);
        });
        try (Rig rig = new Rig(TestConfig.defaults())) {
            rig.add(new SpeakersSink(new Device(true, line)));
            rig.fileSink(dir);

            SpeakResult r = rig.speaker.speak(SpeakRequest.of("Out loud."));

            assertThat(r.sinks()).containsExactly("speakers");
            assertThat(played.toByteArray())
                    .isEqualTo(WavReader.read(rig.client.wav).data());
            assertThat(dir).isEmptyDirectory();
            assertThat(rig.events.notices).isEmpty();
        }
    }

    @Test
    void speakersThatCannotOpenFallBackToFiles() {
        try (Rig rig = new Rig(TestConfig.defaults())) {
            rig.add(new SpeakersSink(new Device(true, null)));
            rig.fileSink(dir);

            SpeakResult r = rig.speaker.speak(SpeakRequest.of("Anyone?"));

            assertThat(r.sinks()).containsExactly("file");
            assertThat(r.file()).exists();
            assertThat(rig.events.withCode("audio.no-device")).hasSize(1);
        }
    }

    @Test
    void aSinkRegisteredWhileTheSpeakerRunsReceivesAudio() throws Exception {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("file"))) {
            rig.fileSink(dir);
            assertThat(rig.speaker.speak(SpeakRequest.of("Before.")).sinks()).containsExactly("file");
            rig.client.generateGate = new CountDownLatch(1);
            CompletableFuture<SpeakResult> during = rig.speaker.submit(SpeakRequest.of("During."));
            assertThat(rig.client.generating.await(5, TimeUnit.SECONDS)).isTrue();

            CapturingSink third = rig.add(new CapturingSink("third"));
            rig.client.generateGate.countDown();

            assertThat(during.get(10, TimeUnit.SECONDS).sinks()).containsExactly("file", "third");
            assertThat(third.bytes()).isEqualTo(WavReader.read(rig.client.wav).data());
            assertThat(rig.speaker.sinks()).contains("third");

            rig.speaker.removeSink(third);
            rig.speaker.speak(SpeakRequest.of("After."));
            assertThat(third.opened).hasSize(1);
        }
    }

    @Test
    void aSinkWhoseNamePropertyChangesIsKnownByItsNewName() {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("capture"))) {
            CapturingSink sink = new CapturingSink("capture");
            rig.speaker.addSink(sink, java.util.Map.of(org.talkhost.api.audio.AudioSink.NAME, "old-name"));
            assertThat(rig.speaker.speak(SpeakRequest.of("Before.")).sinks()).containsExactly("old-name");

            rig.speaker.updatedSink(sink, java.util.Map.of(org.talkhost.api.audio.AudioSink.NAME, "new-name"));

            assertThat(rig.speaker.speak(SpeakRequest.of("After.")).sinks()).containsExactly("new-name");
            assertThat(rig.speaker.sinks()).contains("new-name").doesNotContain("old-name");
            assertThat(sink.opened).hasSize(2);
        }
    }

    @Test
    void aBrokenSinkDoesNotKeepTheOthersFromPlaying() {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("capture"))) {
            rig.add(new CapturingSink("broken-open", CapturingSink.Failure.ON_OPEN));
            CapturingSink capture = rig.add(new CapturingSink("capture"));
            rig.add(new CapturingSink("broken-write", CapturingSink.Failure.ON_WRITE));
            CapturingSink unsure = rig.add(new CapturingSink("broken-question", CapturingSink.Failure.ON_AVAILABLE));

            SpeakResult r = rig.speaker.speak(SpeakRequest.of("Still heard."));

            assertThat(r.sinks()).containsExactly("capture");
            assertThat(capture.bytes()).isEqualTo(TestAudio.sine(1.0, 0.5));
            assertThat(capture.closed).hasValue(1);
            assertThat(unsure.opened).isEmpty();
        }
    }

    @Test
    void addOnSinksCanBeLeftOut() {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("null").addOns(false))) {
            rig.add(new NullSink());
            CapturingSink addOn = rig.add(new CapturingSink("add-on"));

            assertThat(rig.speaker.speak(SpeakRequest.of("Quiet.")).sinks()).containsExactly("null");
            assertThat(addOn.opened).isEmpty();
        }
    }

    @Test
    void nowhereToPlayIsSaidPlainly() {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("speakers"))) {
            rig.add(new SpeakersSink(new Device(false, null)));

            assertThatThrownBy(() -> rig.speaker.speak(SpeakRequest.of("Hello.")))
                    .hasMessage("TalkHost has nowhere to play this, so nothing was played: none of the outputs it is "
                            + "set to use (speakers) is ready. Connect speakers, or set sinks to file in the audio "
                            + "settings (org.talkhost.audio).");
            assertThat(rig.events.withCode("audio.no-sinks")).hasSize(1);
        }
    }

    @Test
    void aStoppedUtteranceLeavesNoHalfWrittenFile() throws Exception {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("file"))) {
            rig.fileSink(dir);
            rig.client.streamingCapable = true;
            FakeStream stream = new FakeStream(24000).push(TestAudio.sine(0.2, 0.5));
            rig.client.stream = () -> stream;

            CompletableFuture<SpeakResult> f = rig.speaker.submit(SpeakRequest.of("Cut short."));
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.list(dir).count() == 1);
            rig.speaker.stop();

            assertThat(f).isCancelled();
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.list(dir).count() == 0);
            assertThat(stream.cancelled()).isTrue();
        }
    }

    /** A sound output that is there or not; a null line means opening fails. */
    private static final class Device implements OutputDevice {
        private final boolean present;
        private final SourceDataLine line;

        Device(boolean present, SourceDataLine line) {
            this.present = present;
            this.line = line;
        }

        @Override
        public boolean present() {
            return present;
        }

        @Override
        public SourceDataLine open(AudioFormat format) throws LineUnavailableException {
            if (line == null) {
                throw new LineUnavailableException("device busy");
            }
            return line;
        }
    }
}
