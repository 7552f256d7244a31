package org.talkhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteExecTest {
    @TempDir
    Path home;

    @Test
    void streamedAnswer_printsNoticesThenOutput_andKeepsTheStatus() throws Exception {
        String answer =
                "{\"notice\":{\"time\":\"2026-12-02T10:00:00Z\",\"level\":\"WARNING\",\"text\":\"AllTalk is \\\"slow\\\"\"}}\n"
                        + "{\"command\":\"alltalk:status\",\"output\":\"line one\\nline two\",\"status\":3}\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new RemoteExec(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .read(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));
        assertThat(status).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("line one\nline two\n");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .matches("\\[\\d\\d:\\d\\d:\\d\\d\\] Warning: AllTalk is \"slow\"\\n");
    }

    @Test
    void miniJson_readsWhatTheApiWrites() {
        Object v = MiniJson.parse("{\"a\":[1,2.5,true,null],\"b\":{\"c\":\"\\u00e9\\n\"}}");
        assertThat(v).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, 2.5, true, null), "b", Map.of("c", "é\n")));
    }

    @Test
    void noRunningHost_whenTheFileIsMissingOrItsProcessIsGone() throws Exception {
        assertThat(RunningHost.in(home)).isEmpty();
        Files.createDirectories(home.resolve("runtime"));
        Files.writeString(home.resolve("runtime/control.token"), "t");
        Files.writeString(
                home.resolve("runtime/control.json"),
                "{\"api\":\"http://127.0.0.1:7850/talkhost/api/\",\"pid\":999999999}");
        assertThat(RunningHost.in(home)).isEmpty();
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(
                    home.resolve("runtime/control.json"),
                    "{\"api\":\"http://127.0.0.1:7850/talkhost/api/\",\"pid\":" + other.pid() + "}");
            assertThat(RunningHost.in(home))
                    .hasValueSatisfying(h -> assertThat(h.token).isEqualTo("t"));
        } finally {
            other.destroy();
        }
    }
}
