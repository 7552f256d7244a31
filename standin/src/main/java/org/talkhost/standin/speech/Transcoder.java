package org.talkhost.standin.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * AllTalk v2's ffmpeg settings: 44.1 kHz stereo, 192 kbit/s for the lossy formats (opus: 48 kHz,
     * 128 kbit/s); "m4a" is raw ADTS AAC like "aac", not an MP4 container.
     */
    static List<String> settings(String format) {
        switch (format) {
            case "mp3":
                return List.of("-f", "mp3", "-c:a", "libmp3lame", "-b:a", "192k", "-ar", "44100", "-ac", "2");
            case "ogg":
                return List.of("-f", "ogg", "-c:a", "libvorbis", "-b:a", "192k", "-ar", "44100", "-ac", "2");
            case "aac":
            case "m4a":
                return List.of("-f", "adts", "-c:a", "aac", "-b:a", "192k", "-ar", "44100", "-ac", "2");
            case "opus":
                return List.of("-f", "opus", "-c:a", "libopus", "-b:a", "128k", "-ar", "48000", "-ac", "2");
            case "flac":
                return List.of("-f", "flac", "-c:a", "flac", "-ar", "44100", "-ac", "2");
            default:
                throw new IllegalArgumentException("not a format AllTalk converts to: " + format);
        }
    }

    /** Writes the converted file next to the WAV and returns it. */
    public Path convert(Path wav, String format) throws IOException {
        Path program = ffmpeg.orElseThrow(() -> new IOException(NO_FFMPEG));
        String name = wav.getFileName().toString().replaceFirst("\\.wav$", "") + "." + format;
        Path out = wav.resolveSibling(name);
        List<String> command = new ArrayList<>(
                List.of(program.toString(), "-hide_banner", "-loglevel", "error", "-y", "-i", wav.toString()));
        command.addAll(settings(format));
        command.add(out.toString());
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
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
