package org.talkhost.audio.internal;

import org.talkhost.api.notice.Notice;

/** A failure whose message is meant for people and that is also told as a notice. */
interface PlainProblem {
    /** The catalog key, used as the notice code. */
    String code();

    Notice.Level level();

    String getMessage();
}
