package org.talkhost.common;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;

/**
 * The one way a bundle tells people something: a notice to the caller's listeners and, when EventAdmin is
 * there, as an event. EventAdmin is an optional reference everywhere, so {@code null} is allowed; a refusal
 * or a failing listener is logged and never reaches the caller.
 */
public final class Notices {
    private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

    private Notices() {}

    /** Posts {@code notice} on {@code events} (when there is one). */
    public static void post(EventAdmin events, Notice notice) {
        post(events, notice.toEvent());
    }

    /** Posts {@code event} on {@code events} (when there is one). */
    public static void post(EventAdmin events, Event event) {
        if (events == null) {
            return;
        }
        try {
            events.postEvent(event);
        } catch (RuntimeException e) {
            LOG.debug("EventAdmin refused {}", event.getTopic(), e);
        }
    }

    /** Writes {@code notice} to {@code log} at its level (error, warning, else info). */
    public static void log(Logger log, Notice notice) {
        switch (notice.level()) {
            case ERROR -> log.error("{}", notice.text());
            case WARNING -> log.warn("{}", notice.text());
            default -> log.info("{}", notice.text());
        }
    }

    /** Tells each listener; one that fails is logged and the others still hear. */
    public static void tell(Iterable<NoticeListener> listeners, Notice notice) {
        for (NoticeListener l : listeners) {
            if (l == null) {
                continue;
            }
            try {
                l.accept(notice);
            } catch (RuntimeException e) {
                LOG.warn("A notice listener failed on \"{}\"; the others still hear", notice.text(), e);
            }
        }
    }
}
