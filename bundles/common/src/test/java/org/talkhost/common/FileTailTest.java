package org.talkhost.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTailTest {

    @Test
    void theLastMatchingLinesOldestFirstAndNothingForAMissingFile(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("ops.log");
        Files.write(
                log,
                List.of(
                        "2026-11-25 10:00:00 - AllTalk-INFO - Health: UNKNOWN -> READY: ok",
                        "2026-11-25 10:00:05 - AllTalk-INFO - Started",
                        "2026-11-25 10:01:00 - AllTalk-WARNING - Health: READY -> DOWN: not answering",
                        "2026-11-25 10:01:30 - AllTalk-INFO - Health: DOWN -> READY: answering again"));

        assertThat(FileTail.last(log, " - Health: ", 2))
                .containsExactly(
                        "2026-11-25 10:01:00 - AllTalk-WARNING - Health: READY -> DOWN: not answering",
                        "2026-11-25 10:01:30 - AllTalk-INFO - Health: DOWN -> READY: answering again");
        assertThat(FileTail.last(log, "", 10)).hasSize(4);
        assertThat(FileTail.last(dir.resolve("missing.log"), "", 5)).isEmpty();
    }
}
