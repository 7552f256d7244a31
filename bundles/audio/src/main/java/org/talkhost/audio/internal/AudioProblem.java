package org.talkhost.audio.internal;

import org.talkhost.api.notice.Notice;

/** Speech could not be played or saved on TalkHost's side (no output, a file that cannot be written). */
final class AudioProblem extends RuntimeException implements PlainProblem {
    private static final long serialVersionUID = 1L;
    private final String code;

    AudioProblem(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Notice.Level level() {
        return Notice.Level.ERROR;
    }
}
