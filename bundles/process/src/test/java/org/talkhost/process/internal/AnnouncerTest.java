package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;

/** While TalkHost stops, its notices are delivered before EventAdmin can stop (none left in a queue). */
class AnnouncerTest {

    private final List<String> sent = new ArrayList<>();
    private final List<String> posted = new ArrayList<>();
    private final EventAdmin admin = new EventAdmin() {
        @Override
        public void sendEvent(Event event) {
            sent.add(event.getTopic());
        }

        @Override
        public void postEvent(Event event) {
            posted.add(event.getTopic());
        }
    };

    @Test
    void noticesAreQueuedWhileRunningAndDeliveredAtOnceWhileStopping() {
        Announcer a = new Announcer(() -> admin);
        a.say(Notice.info("process", "running", "AllTalk is ready."), List.of(NoticeListener.NONE));
        assertThat(posted).hasSize(1);
        assertThat(sent).isEmpty();

        a.deliverBeforeReturning();
        a.say(Notice.info("process", "stopping", "Stopping AllTalk."), List.of(NoticeListener.NONE));
        assertThat(sent).hasSize(1);
        assertThat(posted).hasSize(1);
    }
}
