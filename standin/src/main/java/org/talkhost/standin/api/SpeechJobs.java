package org.talkhost.standin.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import org.talkhost.standin.audio.Resampler;
import org.talkhost.standin.audio.Wav;
import org.talkhost.standin.files.Outputs;
import org.talkhost.standin.http.Call;
import org.talkhost.standin.speech.Narration;
import org.talkhost.standin.speech.TextFilter;

/** Generation as the endpoints need it: to a file in outputs/, to memory, or streamed to the client. */
final class SpeechJobs {

    private final Context ctx;

    SpeechJobs(Context ctx) {
        this.ctx = ctx;
    }

    /** Speaks a /api/tts-generate request into outputs/ and returns the file name written. */
    String generate(GenerateRequest r) throws IOException {
        if (!r.narrated()) {
            String name = r.timestamp() ? Outputs.timestamped(r.outputName()) : r.outputName() + ".wav";
            short[] pcm = speak(TextFilter.apply(r.text(), r.filtering()), r.characterVoice(), r.language(), r.speed());
            ctx.outputs().write(name, pcm, Wav.RATE, ctx.options().floatWav());
            return name;
        }
        short[] all = ctx.generator().exclusive(r.text(), pace -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (Narration.Part part : Narration.split(r.text())) {
                String voice = voiceFor(part.role(), r);
                if (voice == null || part.text().strip().length() <= 3) {
                    continue;
                }
                if (!ctx.voices().exists(voice)) {
                    // v2 logs the failed part and goes on without it (v1 refused the request before).
                    ctx.console()
                            .note("The voice " + voice + " is not in voices/: this part is left out, as AllTalk does.");
                    continue;
                }
                String text = TextFilter.apply(part.text(), r.filtering());
                bytes.write(Wav.bytes(ctx.speech().render(text, voice, language(r.language()), r.speed(), pace)));
            }
            return Wav.samples(bytes.toByteArray());
        });
        // AllTalk joins narrated parts into "{name}_{epoch}_combined.wav"; v2 also resamples them to 44.1 kHz.
        String name = r.outputName() + (r.timestamp() ? "_" + System.currentTimeMillis() / 1000 : "") + "_combined.wav";
        int rate = ctx.v1() ? Wav.RATE : 44_100;
        ctx.outputs().write(name, Resampler.resample(all, Wav.RATE, rate), rate);
        return name;
    }

    private static String voiceFor(Narration.Role role, GenerateRequest r) {
        switch (role) {
            case NARRATOR:
                return "silent".equalsIgnoreCase(r.narrator()) ? null : r.narratorVoice();
            case CHARACTER:
                return r.characterVoice();
            default:
                if ("silent".equals(r.textNotInside())) {
                    return null;
                }
                return "narrator".equals(r.textNotInside()) ? r.narratorVoice() : r.characterVoice();
        }
    }

    /** Speaks text to memory, alone (generations are serialised). */
    short[] speak(String text, String voice, String language, double speed) throws IOException {
        return ctx.generator()
                .exclusive(text, pace -> ctx.speech().render(text, voice, language(language), speed, pace));
    }

    /** Speaks text into a 16-bit WAV file in outputs/ (or at the given path) and returns the path. */
    Path speakTo(Path file, String text, String voice, String language, double speed) throws IOException {
        return speakTo(file, text, voice, language, speed, false);
    }

    /**
     * Speaks text into a WAV file the way AllTalk's torchaudio.save writes it: 32-bit float with
     * --float-wav, else 16-bit. For plain generation, previews and OpenAI speech.
     */
    Path speakAsModelWrites(Path file, String text, String voice, String language, double speed) throws IOException {
        return speakTo(file, text, voice, language, speed, ctx.options().floatWav());
    }

    private Path speakTo(Path file, String text, String voice, String language, double speed, boolean floating)
            throws IOException {
        short[] pcm = speak(text, voice, language, speed);
        Wav.write(file, pcm, Wav.RATE, floating);
        return file;
    }

    /**
     * Answers with AllTalk's stream: chunked audio/wav, the 44-byte header with zero data size, then
     * raw 16-bit mono PCM at 24 kHz, each sentence sent as soon as it is spoken. The sending happens on
     * a stream thread, so the server can take PUT /api/stop-generation meanwhile.
     */
    void stream(Call call, String text, String voice, String language, double speed) throws IOException {
        OutputStream out = call.reply().stream("audio/wav");
        call.detach();
        ctx.streams().execute(() -> {
            try (out) {
                out.write(Wav.streamingHeader());
                out.flush();
                ctx.generator().exclusive(text, pace -> {
                    ctx.speech().each(text, voice, language(language), speed, pace, pcm -> {
                        out.write(Wav.bytes(pcm));
                        out.flush();
                    });
                    return null;
                });
            } catch (IOException | RuntimeException e) {
                ctx.console().note("A speech stream ended early: " + e.getMessage());
            } finally {
                call.exchange().close();
            }
        });
    }

    /** v2's "auto" language: the stand-in always detects English. */
    static String language(String language) {
        return language == null || "auto".equals(language) ? "en" : language;
    }
}
