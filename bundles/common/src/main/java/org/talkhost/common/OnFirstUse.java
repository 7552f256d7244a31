package org.talkhost.common;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A thing made at its first use, not when its owner is made: an HTTP client built while a bundle starts costs
 * the framework's start thread its classes and set-up (about 30 ms for the first one), for a call that comes
 * later, on another thread. Closing it closes what was made, if anything; a use after that is refused.
 */
public final class OnFirstUse<T> implements AutoCloseable {
    private final Supplier<T> make;
    private final Consumer<T> close;
    private volatile T made;
    private boolean closed;

    public OnFirstUse(Supplier<T> make, Consumer<T> close) {
        this.make = make;
        this.close = close;
    }

    /** The thing, made now if this is its first use. */
    public T get() {
        T t = made;
        if (t != null) {
            return t;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            if (made == null) {
                made = make.get();
            }
            return made;
        }
    }

    /** Runs {@code action} on the thing when it has been made (and not closed); does not make it. */
    public void ifMade(Consumer<T> action) {
        T t = made;
        if (t != null) {
            action.accept(t);
        }
    }

    @Override
    public void close() {
        T t;
        synchronized (this) {
            closed = true;
            t = made;
            made = null;
        }
        if (t != null) {
            close.accept(t);
        }
    }
}
