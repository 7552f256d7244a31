package org.talkhost.health.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeTopics;

/** Keeps every posted event. */
final class RecordingEventAdmin implements EventAdmin {
    final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void postEvent(Event event) {
        events.add(event);
    }

    @Override
    public void sendEvent(Event event) {
        events.add(event);
    }

    List<Event> healthEvents() {
        return events.stream()
                .filter(e -> e.getTopic().equals(NoticeTopics.HEALTH_CHANGED))
                .collect(Collectors.toList());
    }

    List<Notice> notices() {
        return events.stream().map(Notice::fromEvent).filter(n -> n != null).collect(Collectors.toList());
    }

    List<String> noticeTexts() {
        return notices().stream().map(Notice::text).collect(Collectors.toList());
    }

    List<String> noticeCodes() {
        return notices().stream().map(Notice::code).collect(Collectors.toList());
    }
}
