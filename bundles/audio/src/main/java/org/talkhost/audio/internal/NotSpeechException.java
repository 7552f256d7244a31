package org.talkhost.audio.internal;

import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.notice.Notice;

/**
 * AllTalk answered, but not with speech TalkHost can play: not sound at all, or silence. The message
 * is for people; {@link #code()} is the catalog key, {@link #level()} how much it matters.
 */
final class NotSpeechException extends ServerFailureException implements PlainProblem {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final Notice.Level level;

    NotSpeechException(String code, Notice.Level level, String message, String detail) {
        super(0, message, detail, null);
        this.code = code;
        this.level = level;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Notice.Level level() {
        return level;
    }
}
