package org.talkhost.itests;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeTopics;

/** Every notice posted in the container from now on, in arrival order: an EventHandler on org/talkhost/notice/*. */
final class NoticeRecorder implements EventHandler, AutoCloseable {
    private final List<Notice> notices = new ArrayList<>();
    private ServiceRegistration<EventHandler> registration;

    static NoticeRecorder register(BundleContext context) {
        NoticeRecorder r = new NoticeRecorder();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, NoticeTopics.NOTICE_ALL);
        r.registration = context.registerService(EventHandler.class, r, props);
        return r;
    }

    @Override
    public void handleEvent(Event event) {
        Notice n = Notice.fromEvent(event);
        if (n != null) {
            synchronized (notices) {
                notices.add(n);
            }
        }
    }

    List<Notice> all() {
        synchronized (notices) {
            return new ArrayList<>(notices);
        }
    }

    /** The notices of one area ("health", "process", ...) said at or after {@code since}, in arrival order. */
    List<Notice> from(String source, Instant since) {
        Instant ms = since.truncatedTo(ChronoUnit.MILLIS);
        return all().stream()
                .filter(n -> n.source().equals(source) && !n.time().isBefore(ms))
                .collect(Collectors.toList());
    }

    /** The first notice with this code, waiting for it up to {@code atMost}. */
    Notice await(String code, Duration atMost) {
        return await(n -> n.code().equals(code), code, atMost);
    }

    Notice await(Predicate<Notice> which, String what, Duration atMost) {
        try {
            return org.awaitility.Awaitility.await()
                    .atMost(atMost)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> all().stream().filter(which).findFirst().orElse(null), n -> n != null);
        } catch (ConditionTimeoutException e) { // no cause: Pax Exam would report only the root cause
            throw new AssertionError("No notice " + what + " within " + atMost.toMillis() + " ms. Notices so far:\n"
                    + describe() + " (" + e.getMessage() + ")");
        }
    }

    String describe() {
        return all().stream()
                .map(n -> n.time() + " " + n.level() + " " + n.source() + "/" + n.code() + ": " + n.text())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
