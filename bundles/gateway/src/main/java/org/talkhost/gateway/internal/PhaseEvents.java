package org.talkhost.gateway.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.talkhost.api.notice.NoticeTopics;

/**
 * Hears the Supervisor's phase events for {@link AllTalkWhere}. It is a component of its own, without
 * configuration, on purpose: when {@code AllTalkWhere} was the event handler itself, a change of the
 * AllTalk settings (the port TalkHost saves at start) re-published its service properties while
 * EventAdmin was obtaining the handler, and the two waited for each other until Declarative Services
 * gave up after 5 seconds ("Could not obtain lock"). A handler whose properties never change cannot be
 * caught that way.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + NoticeTopics.PROCESS_ALL)
public final class PhaseEvents implements EventHandler {
    private final AllTalkWhere where;

    @Activate
    public PhaseEvents(@Reference AllTalkWhere where) {
        this.where = where;
    }

    @Override
    public void handleEvent(Event event) {
        where.heard(event);
    }
}
