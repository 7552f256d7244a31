package org.talkhost.api.detection;

/** What {@code GET /api/ready} said. */
public enum ReadyState {
    /** 200 {@code Ready}. */
    READY,
    /** 200 {@code Unloaded}: v2 with no model loaded; answering but not ready. */
    UNLOADED,
    /** Connection refused: nothing listens (or AllTalk is still loading its model). */
    REFUSED,
    /** Connected but no answer in time: busy generating, or hung. */
    TIMEOUT,
    /** Answered something else (another program, or an error). */
    OTHER
}
