package org.talkhost.api.detection;

import java.time.Duration;

/**
 * What answered on one port.
 *
 * @param host         the host probed
 * @param port         the port probed
 * @param kind         V1, V2, STANDIN, FOREIGN or NONE
 * @param ready        what {@code /api/ready} said
 * @param responseTime how long the ready probe took
 * @param detail       a short technical note for the log ("200 Ready", "connection refused")
 */
public record Endpoint(String host, int port, ServerKind kind, ReadyState ready, Duration responseTime, String detail) {

    public boolean isAllTalk() {
        return kind.isAllTalk();
    }
}
