package org.talkhost.process.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.config.Instances;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.notice.NoticeTopics;
import org.talkhost.api.process.RunState;
import org.talkhost.common.Notices;

/** Tells people: notices to the caller's listeners, to EventAdmin and to the host log; phase events. */
final class Announcer {
    private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);

    private final Supplier<EventAdmin> events;
    private final String instance;

    Announcer(Supplier<EventAdmin> events) {
        this(events, Instances.DEFAULT);
    }

    /** For the Supervisor of {@code instance}: its notices name it, its phase events carry it. */
    Announcer(Supplier<EventAdmin> events, String instance) {
        this.events = events;
        this.instance = instance;
    }

    void say(Notice said, List<NoticeListener> listeners) {
        Notice n = said.about(instance);
        Notices.tell(listeners, n);
        post(n.toEvent());
        Notices.log(LOG, n);
    }

    /** {@code org/talkhost/process/<PHASE>} with the run state as properties. */
    void phase(RunState s) {
        Map<String, Object> p = new HashMap<>();
        p.put("phase", s.phase().name());
        p.put(Instances.EVENT_PROPERTY, instance);
        p.put("mode", s.mode().name());
        p.put("kind", s.kind().name());
        p.put("pid", s.pid());
        p.put("startedByUs", s.startedByUs());
        p.put("since.millis", s.since().toEpochMilli());
        p.put("explanation", s.explanation());
        if (s.address() != null) {
            p.put("host", s.address().host());
            p.put("port", s.address().port());
            p.put("address", s.address().toString());
        }
        post(new Event(NoticeTopics.PROCESS + "/" + s.phase().name(), p));
    }

    private void post(Event e) {
        Notices.post(events.get(), e);
    }
}
