package org.talkhost.web.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.talkhost.api.notice.NoticeTopics;

/**
 * Hears TalkHost's notices, health changes and Supervisor phases (EventAdmin) and hands each, as one
 * {@link WebEvent}, to whoever listens now: server-sent event streams, a running {@code exec}, the
 * sampler. Keeps the last notices for {@code status}. Listeners must not block: EventAdmin waits.
 */
@Component(
        service = {EventHub.class, EventHandler.class},
        immediate = true,
        property = {
            EventConstants.EVENT_TOPIC + "=" + NoticeTopics.NOTICE_ALL,
            EventConstants.EVENT_TOPIC + "=" + NoticeTopics.HEALTH_CHANGED,
            EventConstants.EVENT_TOPIC + "=" + NoticeTopics.PROCESS_ALL
        })
public final class EventHub implements EventHandler {
    private static final int KEEP = 50;

    private final List<Consumer<WebEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Deque<WebEvent> recentNotices = new ArrayDeque<>();

    @Override
    public void handleEvent(Event event) {
        WebEvent e = WebEvent.of(event);
        if (e == null) {
            return;
        }
        if (e.kind() == WebEvent.Kind.NOTICE) {
            synchronized (recentNotices) {
                recentNotices.addLast(e);
                while (recentNotices.size() > KEEP) {
                    recentNotices.removeFirst();
                }
            }
        }
        publish(e);
    }

    /** Hands {@code e} to every listener; one failing listener does not stop the others. */
    void publish(WebEvent e) {
        for (Consumer<WebEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                org.slf4j.LoggerFactory.getLogger(EventHub.class).debug("An event listener failed", ex);
            }
        }
    }

    /** Starts handing events to {@code listener}; returns what stops it. */
    Runnable listen(Consumer<WebEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The last {@code max} notices, oldest first, as maps ready for JSON. */
    List<Map<String, Object>> recentNotices(int max) {
        synchronized (recentNotices) {
            List<Map<String, Object>> all = new ArrayList<>();
            recentNotices.forEach(n -> all.add(n.data()));
            return all.subList(Math.max(0, all.size() - max), all.size());
        }
    }
}
