package org.talkhost.common;

import java.util.function.Supplier;

/**
 * A part of TalkHost that a call needs is not running right now (its bundle is being updated, or is not
 * installed). Commands and the API take their services as optional references and ask for them here, so
 * the caller reads a plain sentence instead of a failure.
 */
public final class PartMissing extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public PartMissing(String sentence) {
        super(sentence);
    }

    /** {@code service}, or a PartMissing that says {@code sentence} when it is away. */
    public static <T> T need(T service, Supplier<String> sentence) {
        if (service == null) {
            throw new PartMissing(sentence.get());
        }
        return service;
    }
}
