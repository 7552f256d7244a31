package org.talkhost.audio.internal;

/**
 * What AllTalk sent is not sound TalkHost can play. {@link #lookedLike()} is a catalog key
 * ({@code audio.looked.*}) naming what it looked like, {@link #getMessage()} the technical detail.
 */
final class NotSoundException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String lookedLike;
    private final transient Object[] args;

    NotSoundException(String lookedLike, String detail, Object... args) {
        super(detail);
        this.lookedLike = lookedLike;
        this.args = args;
    }

    String lookedLike() {
        return lookedLike;
    }

    Object[] args() {
        return args == null ? new Object[0] : args.clone();
    }
}
