package org.talkhost.api.health;

/** The health of the AllTalk connection. */
public enum HealthState {
    UNKNOWN("not checked yet"),
    STARTING("starting"),
    READY("ready"),
    BUSY("busy speaking"),
    DEGRADED("degraded"),
    DOWN("down, not answering"),
    RECONNECTING("reconnecting");

    private final String words;

    HealthState(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
