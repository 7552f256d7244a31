package org.talkhost.examples.noticefile;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.config.HostPaths;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeTopics;

/** An add-on: every notice TalkHost gives people, appended to {@code log/notices.txt}. */
@Component(immediate = true, property = EventConstants.EVENT_TOPIC + "=" + NoticeTopics.NOTICE_ALL)
public final class NoticeFileWriter implements EventHandler {
    static final String FILE = "notices.txt";
    private static final Logger LOG = LoggerFactory.getLogger(NoticeFileWriter.class);
    private final Writer out;

    @Activate
    public NoticeFileWriter() throws IOException {
        this(HostPaths.logs().resolve(FILE));
    }

    NoticeFileWriter(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        out = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public void handleEvent(Event event) {
        Notice n = Notice.fromEvent(event);
        if (n == null) {
            return;
        }
        synchronized (out) {
            try {
                out.write(n.time() + " " + n.level() + " " + n.source() + ": " + n.text() + "\n");
                out.flush();
            } catch (IOException e) {
                LOG.warn("Could not write a notice to {}: {}", FILE, e.toString());
            }
        }
    }

    @Deactivate
    void close() throws IOException {
        synchronized (out) {
            out.close();
        }
    }
}
