package org.talkhost.gateway.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.talkhost.api.notice.NoticeTopics;

/**
 * Hears the Supervisors' phase events for every {@link AllTalkWhere} (one per AllTalk instance; each keeps
 * its own instance's events). It is a component of its own, without
 * configuration, on purpose: when {@code AllTalkWhere} was the event handler itself, a change of the
 * AllTalk settings (the port TalkHost saves at start) re-published its service properties while
 * EventAdmin was obtaining the handler, and the two waited for each other until Declarative Services
 * gave up after 5 seconds ("Could not obtain lock"). A handler whose properties never change cannot be
 * caught that way.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + NoticeTopics.PROCESS_ALL)
public final class PhaseEvents implements EventHandler {
    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            fieldOption = FieldOption.UPDATE)
    final List<AllTalkWhere> instances = new CopyOnWriteArrayList<>();

    @Override
    public void handleEvent(Event event) {
        for (AllTalkWhere where : instances) {
            where.heard(event);
        }
    }
}
