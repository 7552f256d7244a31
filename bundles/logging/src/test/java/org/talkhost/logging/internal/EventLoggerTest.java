package org.talkhost.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.talkhost.api.config.Instances;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeTopics;

class EventLoggerTest {
    final RecordingLog log = new RecordingLog();
    final EventLogger handler = new EventLogger(log);

    @Test
    void noticesBecomeLinesAtTheirLevel() {
        handler.handleEvent(Notice.info("detection", "found", "Found AllTalk running on port 7851.")
                .toEvent());
        handler.handleEvent(Notice.warning("ports", "taken", "Port 7851 is taken,\nso AllTalk will use 7852.")
                .toEvent());
        handler.handleEvent(
                Notice.error("process", "failed", "AllTalk did not start.").toEvent());

        assertThat(log.lines)
                .containsExactly(
                        "INFO detection: Found AllTalk running on port 7851.",
                        "WARNING ports: Port 7851 is taken, | so AllTalk will use 7852.",
                        "ERROR process: AllTalk did not start.");
    }

    @Test
    void progressIsDebugExceptTheFirstAndLastOfAWait() {
        String text = "Waiting for AllTalk to load its voice model.";
        handler.handleEvent(Notice.progress("process", "wait", text, 0.1, Duration.ofSeconds(18))
                .toEvent());
        handler.handleEvent(Notice.progress("process", "wait", text, 0.5, Duration.ofSeconds(10))
                .toEvent());
        handler.handleEvent(Notice.progress("process", "wait", text, 1.0, null).toEvent());
        handler.handleEvent(Notice.progress("process", "wait", text, 0.2, null).toEvent());

        assertThat(log.lines)
                .containsExactly(
                        "INFO process: " + text + " (10%, about 18 s left)",
                        "DEBUG process: " + text + " (50%, about 10 s left)",
                        "INFO process: " + text + " (100%)",
                        "INFO process: " + text + " (20%)");
    }

    @Test
    void healthAndSupervisorEventsBecomeLines() {
        handler.handleEvent(new Event(
                NoticeTopics.HEALTH_CHANGED,
                Map.of("from", "READY", "to", "DOWN", "reason", "no answer for 3 checks")));
        handler.handleEvent(new Event(
                NoticeTopics.PROCESS + "/READY", Map.of("explanation", "AllTalk is ready on port 7851", "pid", 4242)));
        handler.handleEvent(new Event(NoticeTopics.PROCESS + "/FAILED", Map.of()));

        assertThat(log.lines)
                .containsExactly(
                        "WARNING Health changed from READY to DOWN: no answer for 3 checks",
                        "INFO Supervisor: READY: AllTalk is ready on port 7851 {pid=4242}",
                        "ERROR Supervisor: FAILED");
    }

    @Test
    void withSeveralInstancesEachLineBeginsWithTheInstanceItIsAbout() {
        String text = "Waiting for AllTalk to load its voice model.";
        handler.handleEvent(Notice.info("detection", "none", "AllTalk isn't running yet.")
                .about("gpu2")
                .toEvent());
        handler.handleEvent(
                Notice.info("detection", "none", "AllTalk isn't running yet.").toEvent());
        handler.handleEvent(Notice.progress("process", "wait", text, 0.1, null).toEvent());
        handler.handleEvent(Notice.progress("process", "wait", text, 0.1, null)
                .about("gpu2")
                .toEvent());
        handler.handleEvent(new Event(
                NoticeTopics.HEALTH_CHANGED,
                Map.of("from", "READY", "to", "DOWN", "reason", "no answer", Instances.EVENT_PROPERTY, "gpu2")));
        handler.handleEvent(
                new Event(NoticeTopics.PROCESS + "/READY", Map.of("pid", 4242, Instances.EVENT_PROPERTY, "gpu2")));
        handler.handleEvent(
                new Event(NoticeTopics.PROCESS + "/READY", Map.of("pid", 4343, Instances.EVENT_PROPERTY, "default")));

        assertThat(log.lines)
                .containsExactly(
                        "INFO AllTalk instance 'gpu2': detection: AllTalk isn't running yet.",
                        "INFO detection: AllTalk isn't running yet.",
                        // two instances' waits are two waits: each one's first line is INFO
                        "INFO process: " + text + " (10%)",
                        "INFO AllTalk instance 'gpu2': process: " + text + " (10%)",
                        "WARNING AllTalk instance 'gpu2': Health changed from READY to DOWN: no answer",
                        "INFO AllTalk instance 'gpu2': Supervisor: READY {pid=4242}",
                        "INFO Supervisor: READY {instance=default, pid=4343}");
    }

    @Test
    void noticesArriveInTheRealFile(@TempDir Path dir) throws Exception {
        OperationsLogImpl file = new OperationsLogImpl(Configs.logging(dir));
        new EventLogger(file)
                .handleEvent(Notice.warning("health", "down", "AllTalk stopped answering.")
                        .toEvent());
        file.close();
        assertThat(Files.readAllLines(dir.resolve("alltalk_operations.log")))
                .anyMatch(l -> OperationsLogImplTest.FORMAT.matcher(l).matches()
                        && l.endsWith(" - AllTalk-WARNING - health: AllTalk stopped answering."));
    }
}
