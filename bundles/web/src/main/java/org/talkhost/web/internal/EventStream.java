package org.talkhost.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;

/**
 * One open server-sent event stream: events are written by the shared writer thread, never by the
 * EventAdmin thread that offers them; a failed write (the reader left) closes it.
 */
final class EventStream implements AsyncListener {
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Executor writer;
    private final Consumer<EventStream> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Runnable unsubscribe = () -> {};

    EventStream(AsyncContext async, ServletOutputStream out, Executor writer, Consumer<EventStream> onClose) {
        this.async = async;
        this.out = out;
        this.writer = writer;
        this.onClose = onClose;
        async.addListener(this);
    }

    void whenClosed(Runnable unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    /** Queues one event for writing. */
    void offer(WebEvent e) {
        send(frame(e));
    }

    /** The wire form of one event: its name, and its data as one line of JSON. */
    static String frame(WebEvent e) {
        return "event: " + e.name() + "\ndata: " + ApiJson.write(e.data()) + "\n\n";
    }

    void send(String text) {
        if (closed.get()) {
            return;
        }
        try {
            writer.execute(() -> write(text));
        } catch (RejectedExecutionException stopping) {
            close();
        }
    }

    private void write(String text) {
        if (closed.get()) {
            return;
        }
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | IllegalStateException gone) {
            close();
        }
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            unsubscribe.run();
            onClose.accept(this);
            try {
                async.complete();
            } catch (IllegalStateException already) {
                // the container finished it
            }
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // nothing to do
    }
}
