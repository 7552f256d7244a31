package org.talkhost.process.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * How long the last starts took, per kind of server ({@code standin-v2}, {@code managed-v2}, ...), in
 * {@code runtime/start-times.properties}; the estimate is the median of the last five.
 */
final class StartTimes {
    private static final int KEEP = 5;

    private final Path file;

    StartTimes(Path file) {
        this.file = file;
    }

    synchronized Optional<Duration> estimate(String key) {
        List<Long> times = load(key);
        if (times.isEmpty()) {
            return Optional.empty();
        }
        List<Long> sorted = new ArrayList<>(times);
        sorted.sort(null);
        return Optional.of(Duration.ofMillis(sorted.get(sorted.size() / 2)));
    }

    synchronized void record(String key, Duration took) {
        Properties p = properties();
        List<Long> times = parse(p.getProperty(key));
        times.add(took.toMillis());
        while (times.size() > KEEP) {
            times.remove(0);
        }
        p.setProperty(key, String.join(",", times.stream().map(String::valueOf).toList()));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Milliseconds the last AllTalk starts took (for the estimate shown while starting)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // an estimate is a nicety: the next start just shows the default
        }
    }

    private List<Long> load(String key) {
        return parse(properties().getProperty(key));
    }

    private Properties properties() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties();
            }
        }
        return p;
    }

    private static List<Long> parse(String text) {
        List<Long> out = new ArrayList<>();
        if (text != null) {
            Arrays.stream(text.split(","))
                    .map(String::trim)
                    .filter(s -> s.matches("\\d+"))
                    .forEach(s -> out.add(Long.parseLong(s)));
        }
        return out;
    }
}
