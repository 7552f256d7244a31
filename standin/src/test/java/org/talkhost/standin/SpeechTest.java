package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkhost.standin.Bodies.json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.standin.audio.Resampler;
import org.talkhost.standin.audio.Wav;
import org.talkhost.standin.speech.EspeakSpeech;
import org.talkhost.standin.speech.Executables;
import org.talkhost.standin.speech.Sentences;
import org.talkhost.standin.speech.ToneSpeech;

/** Real speech with espeak-ng, the tone fallback without it, and the audio helpers they rely on. */
class SpeechTest {

    private static final String FOX = "The quick brown fox jumps over the lazy dog.";

    @TempDir
    Path dir;

    @Test
    void espeakSpeaksTheFoxSentenceForRealAt24kHz() throws Exception {
        Path espeak = Executables.find("espeak-ng").orElse(null);
        Assumptions.assumeTrue(espeak != null, "espeak-ng is not installed");
        try (Running server = Running.start(dir, "v1")) {
            assertThat(server.get("/api/ready").headers().firstValue("x-talkhost-standin"))
                    .hasValue("espeak-ng");
            Audio.Decoded audio = generate(server);
            assertThat(audio.seconds()).isGreaterThan(1.0);
            assertThat(audio.rms()).isGreaterThan(0.01);
        }
        short[] female = new EspeakSpeech(espeak).speak("Hello.", "female_01.wav", "en", 1.0);
        short[] male = new EspeakSpeech(espeak).speak("Hello.", "male_01.wav", "en", 1.0);
        assertThat(female)
                .as("different espeak voices for female_ and male_ names")
                .isNotEqualTo(male);
    }

    @Test
    void withoutEspeakEveryWordIsAnAudibleToneAndSettingsSaySo() throws Exception {
        try (Running server = Running.start(dir, "v1", "--no-espeak")) {
            assertThat(server.get("/api/ready").headers().firstValue("x-talkhost-standin"))
                    .hasValue("synthetic-tone");
            assertThat(server.output()).contains("synthetic tone");
            Audio.Decoded audio = generate(server);
            assertThat(audio.seconds()).isBetween(9 * 0.3, 9 * 0.5);
            assertThat(audio.rms()).isGreaterThan(0.05);
        }
    }

    private static Audio.Decoded generate(Running server) throws Exception {
        Map<String, Object> body = json(server.postForm("/api/tts-generate", Bodies.v1Form(FOX)));
        return Audio.decode(Files.readAllBytes(Path.of((String) body.get("output_file_path"))));
    }

    @Test
    void toneIsNeverSilentEvenForNoWords() {
        short[] pcm = new ToneSpeech().speak("", "male_01.wav", "en", 1.0);
        assertThat(pcm.length).isGreaterThan(Wav.RATE / 4);
    }

    @Test
    void resamplingKeepsTheDurationAndInterpolatesLinearly() {
        short[] ramp = new short[22050];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (short) i;
        }
        short[] out = Resampler.resample(ramp, 22050, 24000);
        assertThat(out).hasSize(24000);
        assertThat(out[12000]).isEqualTo((short) Math.round(12000 * 22050.0 / 24000));
        assertThat(out[1]).isEqualTo((short) 1);
    }

    @Test
    void wavReadsEspeakStyleHeadersWithBogusSizes() throws Exception {
        byte[] wav = Wav.file(new short[] {1, 2, 3, -4}, 22050);
        java.nio.ByteBuffer.wrap(wav)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(40, 0x7ffff000)
                .putInt(4, 0x7ffff024);
        Wav.Pcm pcm = Wav.read(wav);
        assertThat(pcm.rate()).isEqualTo(22050);
        assertThat(pcm.samples()).containsExactly(1, 2, 3, -4);
    }

    @Test
    void sentencesSplitAtStopsAndLongSentencesAtCommas() {
        assertThat(Sentences.split("Hello world. How are you? Fine!"))
                .containsExactly("Hello world.", "How are you?", "Fine!");
        String longOne = "word, ".repeat(100);
        assertThat(Sentences.split(longOne))
                .allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(250));
    }
}
