package org.talkhost.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** The end of a text file, such as the operations log: the last lines, oldest first. */
public final class FileTail {
    private FileTail() {}

    /**
     * The last {@code max} lines of {@code file} that contain {@code marker} ("" for every line), oldest
     * first; empty when the file is missing or cannot be read.
     */
    public static List<String> last(Path file, String marker, int max) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Deque<String> tail = new ArrayDeque<>(max);
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            all.filter(l -> l.contains(marker)).forEach(l -> {
                if (tail.size() == max) {
                    tail.removeFirst();
                }
                tail.addLast(l);
            });
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        return List.copyOf(tail);
    }
}
