package org.talkhost.audio.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Names speech files by time and a short slug of the text: {@code 20250131-142501-123_hello-world.wav}. */
final class SpeechFileNames {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);
    private static final int SLUG_MAX = 40;

    private SpeechFileNames() {}

    static Path next(Path folder, String text, LocalDateTime now) {
        String base = TIME.format(now) + "_" + slug(text);
        Path file = folder.resolve(base + ".wav");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve(base + "-" + n + ".wav");
        }
        return file;
    }

    static String slug(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+", "");
        if (slug.length() > SLUG_MAX) {
            int cut = slug.lastIndexOf('-', SLUG_MAX);
            slug = slug.substring(0, cut > SLUG_MAX / 2 ? cut : SLUG_MAX);
        }
        slug = slug.replaceAll("-+$", "");
        return slug.isEmpty() ? "speech" : slug;
    }
}
