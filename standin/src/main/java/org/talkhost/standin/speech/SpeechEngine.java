package org.talkhost.standin.speech;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.talkhost.standin.Console;
import org.talkhost.standin.audio.Wav;

/**
 * Speaks text sentence by sentence with the chosen {@link Speech}; a sentence the primary speech
 * cannot say (espeak-ng failing) is said with tones instead, so the result is never silence.
 */
public final class SpeechEngine {

    /** Receives the audio of each sentence as soon as it is made. */
    @FunctionalInterface
    public interface Sink {
        void accept(short[] samples) throws IOException;
    }

    /** Asked before each sentence; may wait (slow generation) and returns false to stop early. */
    @FunctionalInterface
    public interface Pace {
        boolean proceed(int sentence, int sentences) throws IOException;
    }

    private static final int PAUSE_SAMPLES = Wav.RATE / 10;

    private final Speech primary;
    private final Speech fallback = new ToneSpeech();
    private final Console console;

    public SpeechEngine(Speech primary, Console console) {
        this.primary = primary;
        this.console = console;
    }

    /** "espeak-ng" or "synthetic-tone". */
    public String kind() {
        return primary.kind();
    }

    /** The whole text as one piece of audio. */
    public short[] render(String text, String voice, String language, double speed, Pace pace) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        each(text, voice, language, speed, pace, pcm -> all.write(Wav.bytes(pcm)));
        return Wav.samples(all.toByteArray());
    }

    /**
     * Says each sentence and hands its audio (followed by a short pause) to the sink as soon as it is
     * made. The pace is asked before each sentence.
     */
    public void each(String text, String voice, String language, double speed, Pace pace, Sink sink)
            throws IOException {
        List<String> sentences = Sentences.split(text);
        if (sentences.isEmpty()) {
            sentences = List.of(text.isBlank() ? "." : text);
        }
        for (int i = 0; i < sentences.size(); i++) {
            if (!pace.proceed(i, sentences.size())) {
                return;
            }
            sink.accept(concat(sentence(sentences.get(i), voice, language, speed), new short[PAUSE_SAMPLES]));
        }
    }

    private short[] sentence(String sentence, String voice, String language, double speed) throws IOException {
        try {
            short[] pcm = primary.speak(sentence, voice, language, speed);
            if (pcm.length > 0) {
                return pcm;
            }
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            console.note("Could not speak a sentence with " + primary.kind() + " (" + e.getMessage()
                    + "); using a tone for it instead.");
        }
        return fallback.speak(sentence, voice, language, speed);
    }

    static short[] concat(short[] a, short[] b) {
        short[] out = new short[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
