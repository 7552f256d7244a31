package org.talkhost.audio.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.talkhost.api.notice.Notice;

/** An EventAdmin that keeps the notices posted to it. */
final class RecordingEvents implements EventAdmin {
    final List<Notice> notices = new CopyOnWriteArrayList<>();

    @Override
    public void postEvent(Event event) {
        Notice n = Notice.fromEvent(event);
        if (n != null) {
            notices.add(n);
        }
    }

    @Override
    public void sendEvent(Event event) {
        postEvent(event);
    }

    List<Notice> withCode(String code) {
        return notices.stream().filter(n -> n.code().equals(code)).collect(Collectors.toList());
    }
}
