package org.talkhost.detection.internal;

import org.talkhost.api.notice.Messages;

/** The detection bundle's message catalog: its people-facing texts ({@code messages.properties} beside this class). */
final class DetectionCatalog {
    static final Messages TEXT = Messages.of(DetectionCatalog.class, "detection");

    private DetectionCatalog() {}
}
