package org.talkhost.standin.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import org.talkhost.standin.audio.Wav;

/** DIR/outputs/: where generated speech goes, named like AllTalk names it. */
public final class Outputs {

    private final Path dir;

    public Outputs(Path dir) {
        this.dir = dir;
    }

    public void create() throws IOException {
        Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    /** "{name}_{epoch seconds}{5 hex}.wav", as AllTalk names outputs with output_file_timestamp on. */
    public static String timestamped(String name) {
        String hex = String.format("%05x", ThreadLocalRandom.current().nextInt(0x100000));
        return name + "_" + (System.currentTimeMillis() / 1000) + hex + ".wav";
    }

    /** The file for a plain file name, or null for anything that could leave outputs/. */
    public Path file(String name) {
        if (name == null
                || name.isEmpty()
                || name.contains("/")
                || name.contains("\\")
                || name.equals(".")
                || name.equals("..")) {
            return null;
        }
        return dir.resolve(name);
    }

    /** Writes a 16-bit mono WAV file into outputs/ and returns its absolute path. */
    public Path write(String name, short[] samples, int rate) throws IOException {
        return write(name, samples, rate, false);
    }

    /** Writes a mono WAV file into outputs/, 32-bit float when {@code floating}, and returns its absolute path. */
    public Path write(String name, short[] samples, int rate, boolean floating) throws IOException {
        Path file = file(name);
        if (file == null) {
            throw new IOException("not a plain file name: " + name);
        }
        Wav.write(file, samples, rate, floating);
        return file.toAbsolutePath();
    }
}
