package org.talkhost.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;

class WavReaderTest {

    @Test
    void readsWhatJavaSoundAlsoReads() throws Exception {
        byte[] pcm = TestAudio.sine(0.5, 0.3);
        byte[] wav = TestAudio.wav(pcm);

        Pcm read = WavReader.read(wav);

        assertThat(read.sampleRate()).isEqualTo(24000);
        assertThat(read.channels()).isEqualTo(1);
        assertThat(read.data()).isEqualTo(pcm);
        assertThat(read.seconds()).isEqualTo(0.5);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat f = in.getFormat();
            assertThat(f.getSampleRate()).isEqualTo(24000f);
            assertThat(f.getSampleSizeInBits()).isEqualTo(16);
            assertThat(in.getFrameLength()).isEqualTo(12000);
        }
    }

    @Test
    void readsTheFloatWavAllTalksModelWritesAsTheSame16BitSamples() throws Exception {
        byte[] pcm = TestAudio.sine(0.5, 0.3);

        Pcm fromPcm = WavReader.read(TestAudio.wav(pcm));
        Pcm fromFloat = WavReader.read(TestAudio.floatWav(pcm));

        assertThat(fromPcm.data()).isEqualTo(pcm);
        assertThat(fromFloat.data()).isEqualTo(pcm);
        assertThat(fromFloat.sampleRate()).isEqualTo(24000);
        assertThat(fromFloat.seconds()).isEqualTo(0.5);
    }

    @Test
    void clipsFloatSamplesBeyondFullScaleAndReadsExtensibleFloat() throws Exception {
        byte[] wav = TestAudio.floatWav(new byte[8]);
        ByteBuffer.wrap(wav)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(58, 1.5f)
                .putFloat(58 + 4, -2f)
                .putFloat(58 + 8, 0.5f)
                .putFloat(58 + 12, Float.NaN);

        ByteBuffer read = ByteBuffer.wrap(WavReader.read(wav).data()).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(read.getShort(0)).isEqualTo((short) 32767);
        assertThat(read.getShort(2)).isEqualTo((short) -32768);
        assertThat(read.getShort(4)).isEqualTo((short) 16384);
        assertThat(read.getShort(6)).isEqualTo((short) 0);

        byte[] pcm = TestAudio.sine(0.1, 0.3);
        byte[] plain = TestAudio.floatWav(pcm);
        ByteBuffer ext = ByteBuffer.allocate(plain.length + 22).order(ByteOrder.LITTLE_ENDIAN);
        ext.put(plain, 0, 20)
                .putShort((short) 0xFFFE)
                .put(plain, 22, 14)
                .putShort((short) 22)
                .putShort((short) 32)
                .putInt(4)
                .putShort((short) 3)
                .put(new byte[14])
                .put(plain, 38, plain.length - 38);
        ext.putInt(16, 40);
        assertThat(WavReader.read(ext.array()).data()).isEqualTo(pcm);
    }

    @Test
    void takesTheRestAsDataWhenTheStreamingHeaderSaysZero() throws Exception {
        byte[] pcm = TestAudio.sine(0.25, 0.3);
        byte[] wav = WavHeader.wrap(24000, 1, pcm);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0).putInt(40, 0);

        assertThat(WavReader.read(wav).data()).isEqualTo(pcm);

        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, -1);
        assertThat(WavReader.read(wav).data()).isEqualTo(pcm);
    }

    @Test
    void skipsExtraChunksAndDropsAHalfSample() throws Exception {
        byte[] pcm = TestAudio.sine(0.1, 0.3);
        byte[] plain = WavHeader.wrap(24000, 1, pcm);
        byte[] list = "LIST\u0003\0\0\0abc\0".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(plain.length + list.length + 1);
        b.put(plain, 0, 36).put(list).put(plain, 36, plain.length - 36).put((byte) 7);
        ByteBuffer.wrap(b.array()).order(ByteOrder.LITTLE_ENDIAN).putInt(36 + list.length + 4, 0);

        assertThat(WavReader.read(b.array()).data()).isEqualTo(pcm);
    }

    @Test
    void tellsAWebPageFromSound() {
        byte[] html = "<!DOCTYPE html><html><body>Internal Server Error</body></html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WavReader.read(html))
                .isInstanceOf(NotSoundException.class)
                .satisfies(e -> assertThat(((NotSoundException) e).lookedLike()).isEqualTo(AnswerSniffer.WEB_PAGE));
        assertThat(lookedLike("{\"detail\":\"Not Found\"}")).isEqualTo(AnswerSniffer.DATA);
        assertThat(lookedLike("")).isEqualTo(AnswerSniffer.EMPTY);
        assertThat(lookedLike("Internal Server Error")).isEqualTo(AnswerSniffer.TEXT);
    }

    @Test
    void refusesSoundItCannotPlay() {
        byte[] wav = WavHeader.wrap(24000, 1, new byte[100]);
        wav[34] = 8;
        assertThatThrownBy(() -> WavReader.read(wav))
                .satisfies(e -> assertThat(((NotSoundException) e).lookedLike()).isEqualTo("audio.looked.format"));
        byte[] empty = WavHeader.wrap(24000, 1, new byte[0]);
        assertThatThrownBy(() -> WavReader.read(empty))
                .satisfies(e -> assertThat(((NotSoundException) e).lookedLike()).isEqualTo("audio.looked.no-samples"));
    }

    private static String lookedLike(String body) {
        try {
            WavReader.read(body.getBytes(StandardCharsets.UTF_8));
            return "sound";
        } catch (NotSoundException e) {
            return e.lookedLike();
        }
    }
}
