package org.talkhost.standin.http;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

import org.talkhost.standin.Console;
import org.talkhost.standin.Faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Every request passes here: control requests (when enabled) go straight through; others are counted,
 * may be left without any answer (hang), are routed, and may end the process afterwards (crash).
 * An endpoint that fails answers 500 "Internal Server Error", as Starlette does.
 */
public final class RequestGate implements HttpHandler {

    public static final String CONTROL_PREFIX = "/_standin/";

    private final Router api;
    private final Router control;
    private final Faults faults;
    private final Console console;
    private final IntConsumer crash;
    private final List<HttpExchange> parked = new CopyOnWriteArrayList<>();

    /**
     * @param control the control routes, or null when --control was not given
     * @param crash   called with the request number when a crash fault fires
     */
    public RequestGate(Router api, Router control, Faults faults, Console console, IntConsumer crash) {
        this.api = api;
        this.control = control;
        this.faults = faults;
        this.console = console;
        this.crash = crash;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (control != null && path != null && path.startsWith(CONTROL_PREFIX)) {
            run(control, new Call(exchange, null));
            return;
        }
        int n = faults.countRequest();
        if (faults.hangs(n)) {
            parked.add(exchange);
            return;
        }
        try {
            run(api, new Call(exchange, faults));
        } finally {
            if (faults.crashesAfter(n)) {
                crash.accept(n);
            }
        }
    }

    private void run(Router router, Call call) {
        try {
            router.dispatch(call);
        } catch (Reply.Severed e) {
            call.detach();
            throw e;
        } catch (Exception | Error e) {
            console.error("ERROR:    Exception in ASGI application: " + e);
            if (!call.reply().sent()) {
                try {
                    call.reply().internalError();
                } catch (IOException | RuntimeException ignored) {
                    // the client went away; nothing more to do
                }
            }
        } finally {
            if (!call.detached()) {
                call.exchange().close();
            }
        }
    }

    /** Drops the requests left unanswered by a hang (at shutdown). */
    public void releaseParked() {
        for (HttpExchange exchange : parked) {
            exchange.close();
        }
        parked.clear();
    }
}
