package org.talkhost.standin.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Converts a WAV file to another format with ffmpeg, when ffmpeg is on PATH (as AllTalk v2 does). */
public final class Transcoder {

    /** The formats AllTalk v2's OpenAI endpoint knows besides wav. */
    public static final List<String> FORMATS = List.of("m4a", "ogg", "aac", "mp3", "opus", "flac");

    /** AllTalk's own words when ffmpeg is missing. */
    public static final String NO_FFMPEG = "FFmpeg is not installed. Format conversion is not possible.";

    private final Optional<Path> ffmpeg;

    public Transcoder(Optional<Path> ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    public boolean available() {
        return ffmpeg.isPresent();
    }

    /** Writes the converted file next to the WAV and returns it. */
    public Path convert(Path wav, String format) throws IOException {
        Path program = ffmpeg.orElseThrow(() -> new IOException(NO_FFMPEG));
        String name = wav.getFileName().toString().replaceFirst("\\.wav$", "") + "." + format;
        Path out = wav.resolveSibling(name);
        Process p = new ProcessBuilder(program.toString(), "-hide_banner", "-loglevel", "error", "-y",
                "-i", wav.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("ffmpeg could not convert the audio to " + format);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("stopped while ffmpeg was converting", e);
        }
        return out;
    }
}
