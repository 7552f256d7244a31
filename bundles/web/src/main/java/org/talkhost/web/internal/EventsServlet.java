package org.talkhost.web.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.talkhost.common.Threads;

/**
 * {@code GET /talkhost/api/events}: server-sent events, one per notice, health change and Supervisor
 * phase, as they happen. Asynchronous: no thread waits per open stream; one thread writes them all,
 * and a comment every 15 seconds finds the streams whose reader has gone.
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern(ControlEndpoint.API_PATH + "events")
@HttpWhiteboardServletAsyncSupported
public final class EventsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient EventHub hub;
    private final transient ControlEndpoint endpoint;
    private final transient ScheduledExecutorService writer =
            Executors.newSingleThreadScheduledExecutor(Threads.named("talkhost-web-events"));
    private final transient Set<EventStream> open = ConcurrentHashMap.newKeySet();

    @Activate
    public EventsServlet(@Reference EventHub hub, @Reference ControlEndpoint endpoint) {
        this.hub = hub;
        this.endpoint = endpoint;
        writer.scheduleWithFixedDelay(() -> open.forEach(s -> s.send(": still here\n\n")), 15, 15, TimeUnit.SECONDS);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!Answers.allowed(endpoint.access(), req, resp, false)) {
            return;
        }
        resp.setStatus(200);
        resp.setContentType("text/event-stream");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        EventStream stream = new EventStream(async, resp.getOutputStream(), writer, open::remove);
        open.add(stream);
        stream.whenClosed(hub.listen(stream::offer));
        stream.send("retry: 1000\n: TalkHost events: notice, health, state\n\n");
    }

    @Deactivate
    void stop() {
        open.forEach(EventStream::close);
        writer.shutdownNow();
    }
}
