package org.talkhost.health.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.config.Instances;
import org.talkhost.api.health.HealthState;
import org.talkhost.api.health.HealthTransition;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeTopics;
import org.talkhost.api.process.Phase;
import org.talkhost.common.Notices;

/** Tells everyone about a transition: history, health event, notice, operations log, host log. */
final class TransitionPublisher {
    static final String PROP_FROM = "from";
    static final String PROP_TO = "to";
    static final String PROP_REASON = "reason";
    static final String PROP_TIME = "time";
    static final String PROP_CODE = "code";

    private static final Logger LOG = LoggerFactory.getLogger(TransitionPublisher.class);

    private final HealthHistory history;
    private final Supplier<EventAdmin> events;
    private final Supplier<OperationsLog> operations;
    private volatile String instance = Instances.DEFAULT;

    TransitionPublisher(HealthHistory history, Supplier<EventAdmin> events, Supplier<OperationsLog> operations) {
        this.history = history;
        this.events = events;
        this.operations = operations;
    }

    /**
     * A start is the Supervisor's to explain (it knows the kind, the port and how long it usually
     * takes); health says nothing to people about going into or out of STARTING.
     */
    static boolean aboutAStart(Change c) {
        return c.to() == HealthState.STARTING || c.from() == HealthState.STARTING && c.to() == HealthState.READY;
    }

    /**
     * What people have already heard, or are about to hear, from the Supervisor: a start, and the first Ready of an
     * AllTalk the Supervisor has already said runs (one it found running, or one TalkHost started earlier and takes
     * back) or is still looking for (while it detects, it will say what it finds). Health's own "AllTalk is ready"
     * would say it a second time, or before the Supervisor's "Checking if AllTalk is already running"; it is
     * logged, not told.
     */
    static boolean saidBySupervisor(Change c, Phase phase) {
        return aboutAStart(c)
                || (phase == Phase.READY || phase == Phase.DETECTING)
                        && c.from() == HealthState.UNKNOWN
                        && c.to() == HealthState.READY;
    }

    /** The AllTalk instance this health is about: its notices name it, its events carry it. */
    void instance(String name) {
        instance = name;
    }

    void publish(Change c, String reason, Notice said, Phase phase) {
        Notice notice = said.about(instance);
        history.add(new HealthTransition(c.time(), c.from(), c.to(), reason));
        boolean bad = c.to() == HealthState.DOWN || c.to() == HealthState.DEGRADED;
        if (bad) {
            LOG.warn("AllTalk health {} -> {} ({}): {}", c.from(), c.to(), reason, notice.text());
        } else {
            LOG.info("AllTalk health {} -> {} ({})", c.from(), c.to(), reason);
        }
        if (!c.result().detail().isBlank()) {
            LOG.debug("Last check detail: {}", c.result().detail());
        }
        try {
            operations
                    .get()
                    .about(instance)
                    .log(
                            bad ? OperationsLog.Level.WARNING : OperationsLog.Level.INFO,
                            "Health: {} -> {}: {}",
                            c.from(),
                            c.to(),
                            reason);
        } catch (RuntimeException e) {
            LOG.debug("The operations log refused a line", e);
        }
        EventAdmin admin = events.get();
        if (admin == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put(PROP_FROM, c.from().name());
        props.put(PROP_TO, c.to().name());
        props.put(PROP_REASON, reason);
        props.put(PROP_TIME, c.time().toEpochMilli());
        props.put(PROP_CODE, c.code());
        props.put(Instances.EVENT_PROPERTY, instance);
        Notices.post(admin, new Event(NoticeTopics.HEALTH_CHANGED, props));
        if (!saidBySupervisor(c, phase)) {
            Notices.post(admin, notice);
        }
    }
}
