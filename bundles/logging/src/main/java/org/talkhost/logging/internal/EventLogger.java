package org.talkhost.logging.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.talkhost.api.config.Instances;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.logging.OperationsLog.Level;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeTopics;

/**
 * Writes every notice, health change and Supervisor phase to the operations log. Progress notices go
 * at DEBUG, except the first and the last of a wait, which go at INFO. In a host with several AllTalk instances,
 * a line about one begins with its name ({@link OperationsLog#about}), whichever of these it comes from.
 */
@Component(
        immediate = true,
        property = {
            EventConstants.EVENT_TOPIC + "=" + NoticeTopics.NOTICE_ALL,
            EventConstants.EVENT_TOPIC + "=" + NoticeTopics.HEALTH_CHANGED,
            EventConstants.EVENT_TOPIC + "=" + NoticeTopics.PROCESS_ALL
        })
public final class EventLogger implements EventHandler {
    private static final int MAX_OPEN_WAITS = 256;

    private final OperationsLog log;
    /** Sources and codes of the waits in progress, to tell the first progress notice from the rest. */
    private final Set<String> openWaits = ConcurrentHashMap.newKeySet();

    @Activate
    public EventLogger(@Reference OperationsLog log) {
        this.log = log;
    }

    @Override
    public void handleEvent(Event event) {
        String topic = event.getTopic();
        if (topic.startsWith(NoticeTopics.NOTICE + "/")) {
            Notice notice = Notice.fromEvent(event);
            if (notice != null) {
                notice(notice);
            }
        } else if (topic.equals(NoticeTopics.HEALTH_CHANGED)) {
            health(event);
        } else if (topic.startsWith(NoticeTopics.PROCESS + "/")) {
            process(event, topic.substring(NoticeTopics.PROCESS.length() + 1));
        }
    }

    private void notice(Notice n) {
        String instance = n.instance();
        OperationsLog about = log.about(instance);
        String line = n.source() + ": "
                + n.text().substring(Instances.prefix(instance).length());
        String wait = instance + "/" + n.source(); // two instances' waits are two waits
        switch (n.level()) {
            case PROGRESS:
                about.log(progressLevel(n, wait), "{}{}", line, progressTail(n));
                break;
            case WARNING:
                openWaits.remove(wait);
                about.log(Level.WARNING, line);
                break;
            case ERROR:
                openWaits.remove(wait);
                about.log(Level.ERROR, line);
                break;
            default:
                openWaits.remove(wait);
                about.log(Level.INFO, line);
        }
    }

    /** INFO for the first notice of a wait (progress 0 or not seen before) and the last (progress 1). */
    private Level progressLevel(Notice n, String wait) {
        if (n.progress() >= 1.0) {
            openWaits.remove(wait);
            return Level.INFO;
        }
        if (openWaits.size() > MAX_OPEN_WAITS) {
            openWaits.clear();
        }
        boolean first = openWaits.add(wait);
        return first || n.progress() == 0 ? Level.INFO : Level.DEBUG;
    }

    private static String progressTail(Notice n) {
        StringBuilder b = new StringBuilder();
        if (n.progress() >= 0) {
            b.append(" (").append(Math.round(Math.min(1, n.progress()) * 100)).append('%');
            if (n.eta() != null) {
                b.append(", about ").append(Math.max(0, n.eta().toSeconds())).append(" s left");
            }
            b.append(')');
        }
        return b.toString();
    }

    private void health(Event e) {
        String to = String.valueOf(e.getProperty("to"));
        Level level = "DOWN".equals(to) || "DEGRADED".equals(to) ? Level.WARNING : Level.INFO;
        Object reason = e.getProperty("reason");
        log.about(Instances.name(e.getProperty(Instances.EVENT_PROPERTY)))
                .log(
                        level,
                        "Health changed from {} to {}{}",
                        e.getProperty("from"),
                        to,
                        reason == null ? "" : ": " + reason);
    }

    private void process(Event e, String phase) {
        Level level = "FAILED".equals(phase) ? Level.ERROR : "RESTARTING".equals(phase) ? Level.WARNING : Level.INFO;
        Map<String, Object> props = new TreeMap<>();
        for (String key : e.getPropertyNames()) {
            if (!key.equals(EventConstants.EVENT_TOPIC)) {
                props.put(key, e.getProperty(key));
            }
        }
        Object explanation = props.remove("explanation");
        String instance = Instances.name(props.get(Instances.EVENT_PROPERTY));
        if (!Instances.prefix(instance).isEmpty()) {
            props.remove(Instances.EVENT_PROPERTY); // the line begins with it
        }
        StringBuilder b = new StringBuilder("Supervisor: ").append(phase);
        if (explanation != null) {
            b.append(": ").append(explanation);
        }
        if (!props.isEmpty()) {
            b.append(' ').append(props);
        }
        log.about(instance).log(level, b.toString());
    }
}
