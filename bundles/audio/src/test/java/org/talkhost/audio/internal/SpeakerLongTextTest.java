package org.talkhost.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.SpeakResult;
import org.talkhost.api.client.GenerateRequest;
import org.talkhost.api.client.GenerateResult;
import org.talkhost.api.client.RejectedInputException;

/** Text longer than AllTalk takes: spoken in pieces within its limit, in order, into one file. */
class SpeakerLongTextTest {
    private static final String TEXT = IntStream.range(0, 150)
            .mapToObj(i -> "Sentence number " + i + " is here to make this text long, and it has a comma.")
            .collect(Collectors.joining(" "));

    /** Answers each piece with sound as long as its text (1 ms per character), at its own rate. */
    private static final class PieceClient extends FakeClient {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final List<Integer> bytes = new CopyOnWriteArrayList<>();
        volatile int laterRate = TestAudio.RATE;

        @Override
        public GenerateResult generate(GenerateRequest request) {
            if (request.text().length() > 2000) {
                throw new RejectedInputException("text_input", "too long", "422");
            }
            int id;
            synchronized (texts) {
                texts.add(request.text());
                id = texts.size() - 1;
            }
            return new GenerateResult(
                    URI.create("http://127.0.0.1:7851/audio/" + id + ".wav"), null, "x.wav", Duration.ZERO);
        }

        @Override
        public byte[] download(URI url) {
            int i = Integer.parseInt(url.getPath().replaceAll("\\D", ""));
            // the later pieces are generated while the first one is: the first piece is the one TEXT starts with
            int rate = TEXT.startsWith(texts.get(i)) ? TestAudio.RATE : laterRate;
            byte[] pcm = TestAudio.sine(0, texts.get(i).length() * rate / 1000, 0.5);
            bytes.add(pcm.length);
            return WavHeader.wrap(rate, 1, pcm);
        }
    }

    @Test
    void tenThousandCharactersGiveOneFileAsLongAsItsPieces(@TempDir Path dir) throws Exception {
        assertThat(TEXT.length()).isGreaterThan(10_000);
        PieceClient client = new PieceClient();
        Path target = dir.resolve("long.wav");
        SpeakerImpl speaker = new SpeakerImpl(client, TestConfig.defaults());
        try {
            SpeakResult r = speaker.speak(new SpeakRequest(TEXT, "", "", target, true, 1.0));

            assertThat(client.texts).hasSizeGreaterThanOrEqualTo(6).allSatisfy(t -> {
                assertThat(t.length()).isLessThanOrEqualTo(2000);
                assertThat(t).endsWith("comma.");
            });
            assertThat(String.join(
                            " ",
                            client.texts.stream()
                                    .sorted(java.util.Comparator.comparingInt(TEXT::indexOf))
                                    .toList()))
                    .isEqualTo(TEXT);
            assertThat(r.file()).isEqualTo(target);
            assertThat(dir.toFile().list()).containsExactly("long.wav");
            int sum = client.bytes.stream().mapToInt(Integer::intValue).sum();
            assertThat(Files.size(target)).isEqualTo(WavHeader.SIZE + sum);
            assertThat(r.audioSeconds())
                    .isCloseTo(
                            client.texts.stream().mapToInt(String::length).sum() / 1000.0,
                            org.assertj.core.data.Offset.offset(0.05));
        } finally {
            speaker.deactivate();
        }
    }

    @Test
    void piecesInAnotherFormatAreConvertedToTheFirstOnes(@TempDir Path dir) throws Exception {
        PieceClient client = new PieceClient();
        client.laterRate = 16_000;
        Path target = dir.resolve("mixed.wav");
        SpeakerImpl speaker = new SpeakerImpl(client, TestConfig.defaults());
        try {
            SpeakResult r = speaker.speak(new SpeakRequest(TEXT.substring(0, 4500), "", "", target, false, 1.0));

            byte[] wav = Files.readAllBytes(target);
            Pcm pcm = WavReader.read(wav);
            assertThat(pcm.sampleRate()).isEqualTo(TestAudio.RATE);
            double expected = client.texts.stream().mapToInt(String::length).sum() / 1000.0;
            assertThat(pcm.seconds()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
            assertThat(r.audioSeconds()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
        } finally {
            speaker.deactivate();
        }
    }

    @Test
    void textIsCutAtSentencesThenCommasThenSpaces() {
        assertThat(TextPieces.split("One two. Three four.", 12)).containsExactly("One two.", "Three four.");
        assertThat(TextPieces.split("One two, three four five", 14)).containsExactly("One two,", "three four", "five");
        assertThat(TextPieces.split("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
        assertThat(TextPieces.split("Short.", 2000)).containsExactly("Short.");
    }
}
