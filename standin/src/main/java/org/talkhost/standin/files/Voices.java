package org.talkhost.standin.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.talkhost.standin.audio.Wav;
import org.talkhost.standin.speech.ToneSpeech;

/**
 * DIR/voices/: the sample voices AllTalk ships are created when the folder is missing. Lists voices the
 * way each flavour does (v2 adds voice sets from xtts_multi_voice_sets/ and latents from xtts_latents/).
 */
public final class Voices {

    public static final List<String> SAMPLES =
            List.of("female_01.wav", "female_02.wav", "female_03.wav", "male_01.wav", "male_02.wav", "male_03.wav");

    private final Path dir;

    public Voices(Path dir) {
        this.dir = dir;
    }

    /** Creates voices/ with the six sample voices, unless the folder is there already. */
    public void seedIfMissing() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        ToneSpeech tone = new ToneSpeech();
        byte[] female = Wav.file(tone.speak("sample voice", "female", "en", 1.0), Wav.RATE);
        byte[] male = Wav.file(tone.speak("sample voice", "male", "en", 1.0), Wav.RATE);
        for (String name : SAMPLES) {
            Files.write(dir.resolve(name), name.startsWith("female") ? female : male);
        }
    }

    /** v1: the .wav files in voices/, in directory order (os.listdir's: not sorted). */
    public List<String> wavFiles() throws IOException {
        return names(dir, true, ".wav", false);
    }

    /** v2: wav files, then "voiceset:NAME", then "latent:NAME.json"; ["No Voices Found"] when none. */
    public List<String> v2List() throws IOException {
        List<String> voices = new ArrayList<>(names(dir, true, ".wav"));
        Path sets = dir.resolve("xtts_multi_voice_sets");
        for (String set : names(sets, false, "")) {
            if (!names(sets.resolve(set), true, ".wav").isEmpty()) {
                voices.add("voiceset:" + set);
            }
        }
        for (String latent : names(dir.resolve("xtts_latents"), true, ".json")) {
            voices.add("latent:" + latent);
        }
        return voices.isEmpty() ? List.of("No Voices Found") : voices;
    }

    /** Whether the voice exists: a wav file, a voice set folder with wav files, or a latent file. */
    public boolean exists(String voice) throws IOException {
        if (voice.startsWith("voiceset:")) {
            String set = voice.substring("voiceset:".length());
            return plain(set)
                    && !names(dir.resolve("xtts_multi_voice_sets").resolve(set), true, ".wav")
                            .isEmpty();
        }
        if (voice.startsWith("latent:")) {
            String file = voice.substring("latent:".length());
            return plain(file)
                    && Files.isRegularFile(dir.resolve("xtts_latents").resolve(file));
        }
        return plain(voice) && Files.isRegularFile(dir.resolve(voice));
    }

    private static boolean plain(String name) {
        return !name.isEmpty()
                && !name.contains("/")
                && !name.contains("\\")
                && !name.equals("..")
                && !name.equals(".");
    }

    private static List<String> names(Path folder, boolean files, String suffix) throws IOException {
        return names(folder, files, suffix, true);
    }

    private static List<String> names(Path folder, boolean files, String suffix, boolean sorted) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            Stream<String> names = s.filter(p -> files ? Files.isRegularFile(p) : Files.isDirectory(p))
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(suffix));
            return (sorted ? names.sorted() : names).toList();
        }
    }
}
