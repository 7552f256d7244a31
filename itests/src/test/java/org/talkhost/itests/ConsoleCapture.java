package org.talkhost.itests;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;

/** What a process printed, line by line, as it prints it (stdout and stderr drained all the time). */
final class ConsoleCapture {
    /** One line, from which stream, and when it arrived (System.nanoTime). */
    record Line(boolean error, String text, long nanos) {}

    private final List<Line> lines = new ArrayList<>();

    /** Drains {@code out} and {@code err} on two daemon threads. */
    ConsoleCapture(InputStream out, InputStream err, String name) {
        drain(out, false, name + "-out");
        drain(err, true, name + "-err");
    }

    private void drain(InputStream in, boolean error, String name) {
        Thread t = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            synchronized (lines) {
                                lines.add(new Line(error, line, System.nanoTime()));
                            }
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                },
                name);
        t.setDaemon(true);
        t.start();
    }

    List<Line> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** How many lines so far: a mark for {@link #awaitLine(Pattern, int, Duration, Supplier)}. */
    int mark() {
        synchronized (lines) {
            return lines.size();
        }
    }

    String stdout() {
        return join(false);
    }

    String stderr() {
        return join(true);
    }

    /** Everything, both streams, in arrival order. */
    String all() {
        return lines().stream().map(Line::text).collect(Collectors.joining("\n"));
    }

    private String join(boolean error) {
        return lines().stream().filter(l -> l.error() == error).map(Line::text).collect(Collectors.joining("\n"));
    }

    /** The first line after {@code mark} (either stream) that {@code pattern} finds, waiting up to {@code atMost}. */
    Line awaitLine(Pattern pattern, int mark, Duration atMost, Supplier<String> context) {
        try {
            return await().atMost(atMost)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> find(pattern, mark), Optional::isPresent)
                    .get();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "No console line matching /" + pattern + "/ within " + atMost.toSeconds() + " s. Console so far:\n"
                            + all() + context.get(),
                    e);
        }
    }

    Optional<Line> find(Pattern pattern, int mark) {
        List<Line> all = lines();
        return all.subList(Math.min(mark, all.size()), all.size()).stream()
                .filter(l -> pattern.matcher(l.text()).find())
                .findFirst();
    }
}
