package org.talkhost.examples.noticefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.notice.Notice;

class NoticeFileWriterTest {

    @Test
    void appendsEachNoticeAsOneLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log/notices.txt");
        NoticeFileWriter w = new NoticeFileWriter(file);
        w.handleEvent(Notice.info("process", "x", "AllTalk is ready.").toEvent());
        w.handleEvent(
                Notice.warning("health", "y", "AllTalk stopped answering.").toEvent());
        w.close();
        assertThat(Files.readAllLines(file))
                .hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("INFO process: AllTalk is ready."))
                .anySatisfy(l -> assertThat(l).contains("WARNING health: AllTalk stopped answering."));
    }
}
