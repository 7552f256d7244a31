package org.talkhost.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.logging.OperationsLog.Level;

class OperationsLogImplTest {
    static final Pattern FORMAT = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} - AllTalk-(DEBUG|INFO|WARNING|ERROR|CRITICAL) - .+$");

    @TempDir
    Path dir;

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void writesThePythonFormatInLocalTime() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T13:03:07.450Z"), ZoneId.of("Europe/Berlin"));
        OperationsLogImpl log = new OperationsLogImpl(Configs.logging(dir), clock);
        log.info("Found AllTalk running on port {}, connecting now", 7851);
        log.close();

        assertThat(lines(dir.resolve("alltalk_operations.log")))
                .contains("2026-11-25 14:03:07 - AllTalk-INFO - Found AllTalk running on port 7851, connecting now");
    }

    @Test
    void everyLineMatchesTheFormatWhateverTheMessage() throws IOException {
        OperationsLogImpl log = new OperationsLogImpl(Configs.logging(dir, "level", "DEBUG"));
        log.error("Start failed:\nTraceback (most recent call last):\r\n  File \"x.py\"\n\nOSError: [Errno 98]");
        log.warning("");
        log.debug("   \n  ");
        log.log(Level.CRITICAL, "tab\there, bell\u0007, unicode line\u2028sep, next\u0085line");
        log.info("{} and {} and {}", "one", null, new int[] {1, 2});
        log.info("literal \\{} and a missing {} {}", "arg");
        log.error("Could not connect to {}", "127.0.0.1:7851", new IllegalStateException("refused\nreally"));
        log.close();

        List<String> lines = lines(dir.resolve("alltalk_operations.log"));
        assertThat(lines).allMatch(l -> FORMAT.matcher(l).matches(), "matches " + FORMAT);
        assertThat(lines)
                .anyMatch(
                        l -> l.endsWith(
                                "AllTalk-ERROR - Start failed: | Traceback (most recent call last): |   File \"x.py\" |  | OSError: [Errno 98]"));
        assertThat(lines).anyMatch(l -> l.endsWith("AllTalk-WARNING - (empty message)"));
        assertThat(lines).anyMatch(l -> l.endsWith("AllTalk-INFO - one and null and [1, 2]"));
        assertThat(lines).anyMatch(l -> l.endsWith("AllTalk-INFO - literal {} and a missing arg {}"));
        assertThat(lines)
                .anyMatch(
                        l -> l.endsWith(
                                "AllTalk-ERROR - Could not connect to 127.0.0.1:7851 [IllegalStateException: refused | really]"));
        assertThat(lines).anyMatch(l -> l.contains("unicode line | sep, next | line"));
    }

    @Test
    void theLevelChangesAtRunTime() throws IOException {
        OperationsLogImpl log = new OperationsLogImpl(Configs.logging(dir));
        log.debug("hidden at INFO");
        log.configure(Configs.logging(dir, "level", "DEBUG"));
        log.debug("shown at DEBUG");
        log.configure(Configs.logging(dir, "level", "ERROR"));
        log.warning("hidden at ERROR");
        log.error("shown at ERROR");
        log.close();

        String text = Files.readString(dir.resolve("alltalk_operations.log"));
        assertThat(text)
                .contains("AllTalk-DEBUG - shown at DEBUG", "AllTalk-ERROR - shown at ERROR")
                .doesNotContain("hidden");
    }

    @Test
    void theFolderChangesAtRunTimeAndIsCreated() throws IOException {
        OperationsLogImpl log = new OperationsLogImpl(Configs.logging(dir.resolve("a")));
        log.info("in a");
        log.configure(Configs.logging(dir.resolve("b/c")));
        log.info("in b/c");
        log.close();

        assertThat(Files.readString(dir.resolve("a/alltalk_operations.log")))
                .contains("in a")
                .doesNotContain("in b/c");
        assertThat(Files.readString(dir.resolve("b/c/alltalk_operations.log"))).contains("in b/c");
    }

    @Test
    void levelNamesAreReadLikePythonAndSlf4jWriteThem() {
        assertThat(OperationsLogImpl.parseLevel("warn")).isEqualTo(Level.WARNING);
        assertThat(OperationsLogImpl.parseLevel(" critical ")).isEqualTo(Level.CRITICAL);
        assertThat(OperationsLogImpl.parseLevel("nonsense")).isEqualTo(Level.INFO);
    }

    @Test
    void rotationHoldsTheSizeBoundUnder100000Lines() throws Exception {
        int maxKb = 64;
        int backups = 3;
        OperationsLogImpl log = new OperationsLogImpl(
                Configs.logging(dir, "maxFileSizeMb", maxKb, "maxFiles", backups), Clock.systemDefaultZone(), 1024);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.execute(() -> {
                for (int i = 0; i < 25_000; i++) {
                    log.info("thread {} line {} of a long enough message to fill the files quickly", thread, i);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        long nanosPerLine = (System.nanoTime() - start) / 100_000;
        log.info("one line longer than a whole file: {}", "x".repeat(200_000));
        log.close();
        System.out.println("operations log: " + nanosPerLine + " ns per line (4 threads, rotation included)");

        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "alltalk_operations.log",
                        "alltalk_operations.log.1",
                        "alltalk_operations.log.2",
                        "alltalk_operations.log.3");
        long total = 0;
        for (Path f : files) {
            assertThat(Files.size(f)).isLessThanOrEqualTo(maxKb * 1024L);
            total += Files.size(f);
            assertThat(lines(f)).allMatch(l -> FORMAT.matcher(l).matches());
        }
        assertThat(total).isLessThanOrEqualTo((backups + 1) * maxKb * 1024L);
        assertThat(lines(dir.resolve("alltalk_operations.log.1")).get(0)).contains("line");
        assertThat(Files.readString(dir.resolve("alltalk_operations.log.1"))).contains("xxx [cut]");
    }

    @Test
    void oneLineCostsMicrosecondsNotMilliseconds() throws IOException {
        OperationsLogImpl log = new OperationsLogImpl(Configs.logging(dir));
        for (int i = 0; i < 5_000; i++) {
            log.info("warm-up {}", i);
        }
        long start = System.nanoTime();
        for (int i = 0; i < 50_000; i++) {
            log.info("Checked AllTalk on port {}: Ready in {} ms (attempt {})", 7851, 1.2, i);
        }
        long nanosPerLine = (System.nanoTime() - start) / 50_000;
        log.close();
        System.out.println("operations log: " + nanosPerLine + " ns per line (1 thread, written through to the OS)");
        assertThat(lines(dir.resolve("alltalk_operations.log"))).hasSize(55_002);
        assertThat(nanosPerLine).isLessThan(50_000);
    }

    @Test
    void fewerBackupsAtRunTimeRemoveTheExtraFiles() throws IOException {
        OperationsLogImpl log = new OperationsLogImpl(
                Configs.logging(dir, "maxFileSizeMb", 1, "maxFiles", 5), Clock.systemDefaultZone(), 1024);
        for (int i = 0; i < 200; i++) {
            log.info("line {} padded to some length for rotation", i);
        }
        assertThat(dir.resolve("alltalk_operations.log.5")).exists();
        log.configure(Configs.logging(dir, "maxFileSizeMb", 1, "maxFiles", 2));
        log.close();
        assertThat(dir.resolve("alltalk_operations.log.2")).exists();
        assertThat(dir.resolve("alltalk_operations.log.3")).doesNotExist();
        assertThat(dir.resolve("alltalk_operations.log.5")).doesNotExist();
    }

    @Test
    void aNewInstanceAfterABundleUpdateKeepsAppending() throws IOException {
        OperationsLogImpl first = new OperationsLogImpl(Configs.logging(dir));
        first.info("before the update");
        first.close();
        first.info("logged by a stale reference after close: dropped");

        OperationsLogImpl second = new OperationsLogImpl(Configs.logging(dir));
        second.info("after the update");
        second.close();

        List<String> lines = lines(dir.resolve("alltalk_operations.log"));
        List<String> messages = new ArrayList<>();
        lines.forEach(l -> messages.add(l.substring(l.indexOf(" - ", 20) + 3)));
        assertThat(messages).containsSubsequence("before the update", "after the update");
        assertThat(messages)
                .filteredOn(m -> m.startsWith("TalkHost operations log opened"))
                .hasSize(2);
        assertThat(messages)
                .filteredOn(m -> m.startsWith("TalkHost operations log closed"))
                .hasSize(2);
        assertThat(String.join("\n", lines)).doesNotContain("stale");
        assertThat(lines).allMatch(l -> FORMAT.matcher(l).matches());
    }

    @Test
    void anUnwritableFolderDoesNotBreakTheCaller() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        OperationsLogImpl log = new OperationsLogImpl(Configs.logging(blocker.resolve("log")));
        log.info("goes nowhere");
        log.close();
        assertThat(Files.readString(blocker)).isEqualTo("x");
    }
}
