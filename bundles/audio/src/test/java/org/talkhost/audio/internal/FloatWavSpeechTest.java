package org.talkhost.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.SpeakResult;

/**
 * AllTalk's model writes plain generations as 32-bit float WAV, while narrated speech is 16-bit: every
 * consumer of a downloaded WAV (the length and loudness in the result, the speakers, the file sink)
 * must get the same sound from both.
 */
class FloatWavSpeechTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFloatOr16BitWavGivesTheSameLengthLoudnessPlaybackAndFile(boolean floating) throws Exception {
        byte[] pcm = TestAudio.sine(1.5, 0.5);
        try (Rig rig = new Rig(TestConfig.defaults().sinks("file", "capture"))) {
            rig.client.wav = floating ? TestAudio.floatWav(pcm) : TestAudio.wav(pcm);
            rig.fileSink(dir);
            CapturingSink speakers = rig.add(new CapturingSink("capture"));

            SpeakResult r = rig.speaker.speak(SpeakRequest.of("Float or not."));

            assertThat(r.audioSeconds()).isCloseTo(1.5, within(0.001));
            assertThat(r.rms()).isCloseTo(0.5 / Math.sqrt(2), within(0.002));
            assertThat(speakers.bytes()).isEqualTo(pcm);
            try (AudioInputStream in = AudioSystem.getAudioInputStream(r.file().toFile())) {
                assertThat(in.getFormat().getSampleSizeInBits()).isEqualTo(16);
                assertThat(in.getFrameLength()).isEqualTo(36000);
                assertThat(in.readAllBytes()).isEqualTo(pcm);
            }
        }
    }
}
