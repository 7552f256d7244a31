package org.talkhost.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.SpeakResult;
import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.client.UnavailableException;
import org.talkhost.api.config.HostPaths;
import org.talkhost.api.notice.Notice;

/** Speech made as a whole file (the server cannot stream, or streaming is off). */
class SpeakerWholeFileTest {
    @TempDir
    Path dir;

    @Test
    void aSentenceToTheFileSinkGivesAValidWavOfTheRightLengthAndLoudness() throws Exception {
        byte[] pcm = TestAudio.sine(1.5, 0.5);
        try (Rig rig = new Rig(TestConfig.defaults().sinks("file"))) {
            rig.client.wav = TestAudio.wav(pcm);
            rig.fileSink(dir);

            SpeakResult r = rig.speaker.speak(SpeakRequest.of("Hello there, this is a test."));

            assertThat(r.streamed()).isFalse();
            assertThat(r.sinks()).containsExactly("file");
            assertThat(r.file()).exists().hasParent(dir);
            assertThat(r.file().getFileName().toString()).endsWith("_hello-there-this-is-a-test.wav");
            assertThat(r.audioSeconds()).isCloseTo(1.5, within(0.001));
            assertThat(r.rms()).isCloseTo(0.5 / Math.sqrt(2), within(0.002));
            assertThat(r.timeToFirstAudio()).isNotNull().isLessThanOrEqualTo(r.took());
            try (AudioInputStream in = AudioSystem.getAudioInputStream(r.file().toFile())) {
                assertThat(in.getFormat().getSampleRate()).isEqualTo(24000f);
                assertThat(in.getFormat().getSampleSizeInBits()).isEqualTo(16);
                assertThat(in.getFrameLength()).isEqualTo(36000);
                assertThat(TestAudio.rms(in.readAllBytes())).isCloseTo(0.5 / Math.sqrt(2), within(0.002));
            }
            assertThat(rig.client.streamCalls).hasValue(0);
        }
    }

    @Test
    void toFileWritesOnlyThatFile() throws Exception {
        byte[] pcm = TestAudio.sine(0.5, 0.4);
        try (Rig rig = new Rig(TestConfig.defaults().sinks("file", "capture"))) {
            rig.client.wav = TestAudio.wav(pcm);
            rig.fileSink(dir.resolve("speech"));
            CapturingSink capture = rig.add(new CapturingSink("capture"));
            Path target = dir.resolve("out/said.wav");

            SpeakResult r = rig.speaker.speak(new SpeakRequest("Only to the file.", "", "", target, true, 1.0));

            assertThat(r.file()).isEqualTo(target);
            assertThat(WavReader.read(Files.readAllBytes(target)).data()).isEqualTo(pcm);
            assertThat(capture.opened).isEmpty();
            assertThat(dir.resolve("speech")).doesNotExist();
        }
    }

    @Test
    void volumeIsAppliedToTheSamples() {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("capture").volume(0.5))) {
            rig.client.wav = TestAudio.wav(TestAudio.sine(0.5, 0.8));
            CapturingSink capture = rig.add(new CapturingSink("capture"));

            SpeakResult r = rig.speaker.speak(new SpeakRequest("Quieter.", "", "", null, false, 0.5));

            assertThat(TestAudio.rms(capture.bytes())).isCloseTo(0.2 / Math.sqrt(2), within(0.002));
            assertThat(r.rms()).as("loudness of what AllTalk sent").isCloseTo(0.8 / Math.sqrt(2), within(0.002));
        }
    }

    @Test
    void aWebPageInsteadOfSoundIsReportedPlainlyAndNotPlayed() {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("capture"))) {
            rig.client.wav = "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            CapturingSink capture = rig.add(new CapturingSink("capture"));

            assertThatThrownBy(() -> rig.speaker.speak(SpeakRequest.of("Hello.")))
                    .isInstanceOf(ServerFailureException.class)
                    .hasMessageStartingWith(
                            "AllTalk answered with something that is not sound (it looked like a web page)")
                    .hasMessageNotContaining("DOCTYPE");
            assertThat(capture.opened).isEmpty();
            assertThat(rig.events.withCode("audio.not-sound"))
                    .singleElement()
                    .extracting(Notice::level)
                    .isEqualTo(Notice.Level.ERROR);
        }
    }

    @Test
    void silenceIsReportedAndNotPlayed() {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("capture"))) {
            rig.client.wav = TestAudio.wav(TestAudio.sine(2.0, 0.001));
            CapturingSink capture = rig.add(new CapturingSink("capture"));

            assertThatThrownBy(() -> rig.speaker.speak(SpeakRequest.of("Is anyone there?")))
                    .hasMessage("AllTalk answered \"Is anyone there?\" with silence: 2.0 seconds of sound too quiet "
                            + "to hear. The voice or the model may be broken; try another voice, or restart AllTalk.");
            assertThat(capture.opened).isEmpty();
            assertThat(rig.events.withCode("audio.silence")).hasSize(1);
        }
    }

    @Test
    void theClientsPlainMessageIsPassedOnAsANotice() {
        try (Rig rig = new Rig(TestConfig.defaults().sinks("capture"))) {
            rig.add(new CapturingSink("capture"));
            rig.client.generateFailure = new UnavailableException(
                    "AllTalk is not running. TalkHost is starting it; try again in a minute.", "refused", null);

            assertThatThrownBy(() -> rig.speaker.speak(SpeakRequest.of("Hi.")))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage("AllTalk is not running. TalkHost is starting it; try again in a minute.");
            assertThat(rig.events.withCode("audio.failed"))
                    .singleElement()
                    .extracting(Notice::text)
                    .isEqualTo("TalkHost could not say \"Hi.\". AllTalk is not running. TalkHost is starting it; "
                            + "try again in a minute.");
        }
    }

    @Test
    void theDefaultFolderIsSpeechInTheTalkHostFolder() {
        assertThat(FileSink.folder(TestConfig.defaults()))
                .isEqualTo(HostPaths.home().resolve("speech"));
        assertThat(FileSink.folder(TestConfig.defaults().folder(dir))).isEqualTo(dir);
    }
}
