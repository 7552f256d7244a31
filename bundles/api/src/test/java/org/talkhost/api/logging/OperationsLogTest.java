package org.talkhost.api.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.talkhost.api.notice.Notice;

class OperationsLogTest {
    final List<String> lines = new ArrayList<>();
    final OperationsLog log = new OperationsLog() {
        @Override
        public void log(Level level, String message, Object... args) {
            lines.add(level + " " + message + " " + List.of(args));
        }

        @Override
        public Optional<Path> file() {
            return Optional.of(Path.of("log/alltalk_operations.log"));
        }
    };

    @Test
    void anInstancesLinesBeginWithItsNameAsItsNoticesDo() {
        log.about("gpu2").info("Port choice: {} ({})", 7861, "free");
        log.about("default").info("Port choice: {}", 7851);
        log.about(null).warning("Detection: {}", "NONE");

        assertThat(lines)
                .containsExactly(
                        "INFO AllTalk instance 'gpu2': Port choice: {} ({}) [7861, free]",
                        "INFO Port choice: {} [7851]",
                        "WARNING Detection: {} [NONE]");
        assertThat(log.about("default")).isSameAs(log);
        assertThat(log.about("gpu2").file()).isEqualTo(log.file());
        assertThat(Notice.info("ports", "chosen", "Port choice: 7861")
                        .about("gpu2")
                        .text())
                .isEqualTo("AllTalk instance 'gpu2': Port choice: 7861");
    }

    @Test
    void aNoticeSaidAboutItsInstanceTwiceNamesItOnce() {
        Notice once =
                Notice.info("detection", "none", "AllTalk isn't running yet.").about("gpu2");

        assertThat(once.about("gpu2")).isSameAs(once);
        assertThat(once.instance()).isEqualTo("gpu2");
        assertThat(Notice.info("detection", "none", "AllTalk isn't running yet.")
                        .instance())
                .isEqualTo("default");
    }
}
