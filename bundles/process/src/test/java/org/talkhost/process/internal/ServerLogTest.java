package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLogTest {
    @TempDir
    Path dir;

    @Test
    void eachStartKeepsThePreviousThreeRuns() throws Exception {
        ServerLog log = new ServerLog(dir.resolve("alltalk-server.log"), 3, 0);
        for (int run = 1; run <= 5; run++) {
            log.rotateForStart();
            Files.writeString(log.file(), "run " + run + "\n");
        }
        assertThat(log.file()).hasContent("run 5");
        assertThat(log.numbered(1)).hasContent("run 4");
        assertThat(log.numbered(3)).hasContent("run 2");
        assertThat(log.numbered(4)).doesNotExist();
    }

    @Test
    void aFileGrownPastTheBoundIsCopiedAwayAndEmptiedAndTheTailerFollows() throws Exception {
        ServerLog log = new ServerLog(dir.resolve("alltalk-server.log"), 3, 100);
        List<String> lines = new ArrayList<>();
        LogTailer tailer = new LogTailer(log.file(), 0, lines::add);
        append(log.file(), "x".repeat(150) + "\n");
        tailer.poll();

        assertThat(log.rotateIfBig()).isTrue();
        append(log.file(), "after rotation\n");
        tailer.poll();

        assertThat(log.numbered(1)).content().startsWith("xxx");
        assertThat(lines).containsExactly("x".repeat(150), "after rotation");
        assertThat(log.rotateIfBig()).isFalse();
    }

    @Test
    void theTailerReadsProgressBarsAndWaitsForTheEndOfAHalfWrittenLine() throws Exception {
        Path file = dir.resolve("out.log");
        List<String> lines = new ArrayList<>();
        LogTailer tailer = new LogTailer(file, 0, lines::add);
        append(file, " 10%|█ \r 20%|██ \rhalf a li");
        tailer.poll();
        assertThat(lines).containsExactly(" 10%|█ ", " 20%|██ ");
        append(file, "ne\n");
        tailer.poll();
        assertThat(lines).endsWith("half a line");
        append(file, "no line end at exit");
        tailer.flush();
        assertThat(lines).endsWith("no line end at exit");
    }

    @Test
    void attachingStartsAtTheCurrentEnd() throws Exception {
        Path file = dir.resolve("out.log");
        append(file, "old output\n");
        List<String> lines = new ArrayList<>();
        LogTailer tailer = new LogTailer(file, Files.size(file), lines::add);
        append(file, "new output\n");
        tailer.poll();
        assertThat(lines).containsExactly("new output");
    }

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
