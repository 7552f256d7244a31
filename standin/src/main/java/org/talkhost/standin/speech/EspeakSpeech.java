package org.talkhost.standin.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.talkhost.standin.audio.Resampler;
import org.talkhost.standin.audio.Wav;

/** Real speech from espeak-ng: run without a shell, text on stdin, WAV on stdout, resampled to 24 kHz. */
public final class EspeakSpeech implements Speech {

    private static final int NORMAL_WORDS_PER_MINUTE = 175;

    private final Path program;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    public EspeakSpeech(Path program) {
        this.program = program;
    }

    @Override
    public short[] speak(String sentence, String voice, String language, double speed) throws IOException {
        int wpm = (int) Math.max(80, Math.min(450, Math.round(NORMAL_WORDS_PER_MINUTE * speed)));
        List<String> command = List.of(
                program.toString(),
                "--stdin",
                "--stdout",
                "-v",
                EspeakVoices.voice(voice, language),
                "-s",
                Integer.toString(wpm));
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        running.add(p);
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(sentence.getBytes(StandardCharsets.UTF_8));
            }
            byte[] wav;
            try (InputStream out = p.getInputStream()) {
                wav = out.readAllBytes();
            }
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("espeak-ng failed for voice " + EspeakVoices.voice(voice, language));
            }
            Wav.Pcm pcm = Wav.read(wav);
            return Resampler.resample(pcm.samples(), pcm.rate(), Wav.RATE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while espeak-ng was speaking");
        } finally {
            p.destroy();
            running.remove(p);
        }
    }

    @Override
    public String kind() {
        return "espeak-ng";
    }

    /** Ends any espeak-ng still running (at shutdown), so nothing is left behind. */
    public void stopAll() {
        for (Process p : running) {
            p.destroyForcibly();
        }
    }
}
