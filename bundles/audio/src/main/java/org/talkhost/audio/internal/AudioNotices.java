package org.talkhost.audio.internal;

import java.util.function.Supplier;

import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.notice.Notice;

/** The audio area's texts (message catalog) and notices (EventAdmin, when it is there). */
final class AudioNotices {
    private static final Logger LOG = LoggerFactory.getLogger(AudioNotices.class);

    private final Supplier<EventAdmin> events;

    AudioNotices(Supplier<EventAdmin> events) {
        this.events = events;
    }

    String text(String key, Object... args) {
        return AudioCatalog.TEXT.text(key, args);
    }

    void warning(String key, Object... args) {
        post(AudioCatalog.TEXT.warning(key, args));
    }

    void error(String key, Object... args) {
        post(AudioCatalog.TEXT.error(key, args));
    }

    void post(Notice notice) {
        if (notice.level() == Notice.Level.ERROR) {
            LOG.error(notice.text());
        } else {
            LOG.warn(notice.text());
        }
        EventAdmin ea = events.get();
        if (ea == null) {
            return;
        }
        try {
            ea.postEvent(notice.toEvent());
        } catch (RuntimeException e) {
            LOG.debug("Notice not delivered: {}", e.toString());
        }
    }

    /** The text, cut to a length that reads well inside a sentence. */
    static String excerpt(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= 40 ? t : t.substring(0, 37) + "...";
    }
}
