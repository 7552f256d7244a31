package org.talkhost.gateway.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.concurrent.CancellableDependency;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

/**
 * A request whose path and query go to AllTalk byte for byte as the client sent them (no URI parsing,
 * which would refuse some that AllTalk takes), and that can be cancelled: dropping the connection
 * instead of reading the rest of an answer nobody waits for any more.
 */
final class RawRequest extends BasicClassicHttpRequest implements CancellableDependency {
    private static final long serialVersionUID = 1L;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final transient AtomicReference<Cancellable> dependency = new AtomicReference<>();

    RawRequest(String method, HttpHost host, String pathAndQuery) {
        super(method, host, pathAndQuery);
    }

    @Override
    public boolean cancel() {
        if (cancelled.compareAndSet(false, true)) {
            Cancellable c = dependency.getAndSet(null);
            if (c != null) {
                c.cancel();
            }
            return true;
        }
        return false;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void setDependency(Cancellable cancellable) {
        if (!cancelled.get()) {
            dependency.set(cancellable);
        }
    }
}
