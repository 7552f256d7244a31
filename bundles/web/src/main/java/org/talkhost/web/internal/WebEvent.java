package org.talkhost.web.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.event.Event;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeTopics;

/**
 * One thing that happened, as the API tells it: a notice for people, a health change, or a Supervisor
 * phase. {@link #name()} is the server-sent event's name; {@link #data()} becomes its JSON.
 *
 * @param kind what sort of event
 * @param data its fields, in a stable order
 */
record WebEvent(Kind kind, Map<String, Object> data) {

    /** The sorts of event, named as in the event stream. */
    enum Kind {
        NOTICE("notice"),
        HEALTH("health"),
        STATE("state");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }
    }

    String name() {
        return kind.wire;
    }

    /** The event's fields from an EventAdmin event of TalkHost's topics; null for any other. */
    static WebEvent of(Event event) {
        String topic = event.getTopic();
        Map<String, Object> d = new LinkedHashMap<>();
        if (topic.startsWith(NoticeTopics.NOTICE + "/")) {
            Notice n = Notice.fromEvent(event);
            if (n == null) {
                return null;
            }
            d.put("time", n.time().toString());
            d.put("level", n.level().name());
            d.put("source", n.source());
            d.put("code", n.code());
            d.put("text", n.text());
            if (n.progress() >= 0) {
                d.put("progress", n.progress());
            }
            return new WebEvent(Kind.NOTICE, d);
        }
        if (topic.equals(NoticeTopics.HEALTH_CHANGED)) {
            d.put("time", time(event.getProperty("time")));
            d.put("from", event.getProperty("from"));
            d.put("to", event.getProperty("to"));
            d.put("reason", event.getProperty("reason"));
            return new WebEvent(Kind.HEALTH, d);
        }
        if (topic.startsWith(NoticeTopics.PROCESS + "/")) {
            d.put("time", Instant.now().toString());
            d.put("phase", topic.substring(NoticeTopics.PROCESS.length() + 1));
            for (String key : new String[] {"kind", "mode", "pid", "address", "explanation"}) {
                if (event.getProperty(key) != null) {
                    d.put(key, event.getProperty(key));
                }
            }
            return new WebEvent(Kind.STATE, d);
        }
        return null;
    }

    private static String time(Object millis) {
        return (millis instanceof Number ? Instant.ofEpochMilli(((Number) millis).longValue()) : Instant.now())
                .toString();
    }
}
