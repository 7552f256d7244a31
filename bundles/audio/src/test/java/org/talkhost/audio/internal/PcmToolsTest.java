package org.talkhost.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class PcmToolsTest {

    @Test
    void volumeScalesTheLoudness() {
        byte[] pcm = TestAudio.sine(0.2, 0.8);

        assertThat(TestAudio.rms(pcm)).isCloseTo(0.8 / Math.sqrt(2), within(0.001));
        assertThat(TestAudio.rms(Volume.scaled(pcm, 0, pcm.length, 0.5))).isCloseTo(0.4 / Math.sqrt(2), within(0.001));
        assertThat(TestAudio.rms(Volume.scaled(pcm, 0, pcm.length, 0))).isZero();
        assertThat(Volume.scaled(pcm, 0, pcm.length, 1.0)).isEqualTo(pcm).isNotSameAs(pcm);
    }

    @Test
    void alignerKeepsSamplesWholeAcrossOddReads() {
        byte[] pcm = TestAudio.sine(0.01, 0.5);
        SampleAligner aligner = new SampleAligner(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] reads = {1, 1, 3, 5, 2, 7, 1};
        int pos = 0;
        for (int i = 0; pos < pcm.length; i++) {
            int n = Math.min(reads[i % reads.length], pcm.length - pos);
            byte[] chunk = aligner.align(pcm, pos, n);
            assertThat(chunk.length % 2).isZero();
            out.writeBytes(chunk);
            pos += n;
        }
        assertThat(out.toByteArray()).isEqualTo(pcm);
        assertThat(aligner.leftover()).isZero();
    }

    @Test
    void speechFilesAreNamedByTimeAndText() {
        Path file = SpeechFileNames.next(
                Path.of("/tmp/none"),
                "Héllo, World! How are you today, my dear friend?",
                LocalDateTime.of(2025, 1, 31, 14, 25, 1, 123_000_000));

        assertThat(file.getFileName().toString())
                .isEqualTo("20250131-142501-123_hello-world-how-are-you-today-my-dear.wav");
        assertThat(SpeechFileNames.slug("!!!")).isEqualTo("speech");
        assertThat(SpeechFileNames.slug("日本語")).isEqualTo("speech");
    }
}
