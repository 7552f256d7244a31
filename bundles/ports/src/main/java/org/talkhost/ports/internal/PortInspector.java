package org.talkhost.ports.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.notice.Messages;
import org.talkhost.api.ports.PortHolder;
import org.talkhost.api.ports.PortStatus;
import org.talkhost.common.http.ProbeGet;

/**
 * Who holds one port: something that answers HTTP (AllTalk, AllTalk v2's web page, or another
 * program), something that accepts but stays silent, or nothing. A port nothing answers on is tried
 * with a bind, with SO_REUSEADDR so that connections still closing (TIME_WAIT) do not count as taken.
 * Only the status and a glance at the body are needed: a body the deadline cuts short is enough. Close it
 * when the ports area stops.
 */
final class PortInspector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PortInspector.class);
    /** On Windows SO_REUSEADDR would let the bind steal a port in use; there TIME_WAIT does not block a bind. */
    private static final boolean REUSE =
            !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private final Messages messages;
    /** Made at the first inspection, not at start: building an HTTP client is slow, and the start waits for it. */
    private ProbeGet http;

    private boolean closed;

    PortInspector(Messages messages) {
        this.messages = messages;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (http != null) {
            http.close();
        }
    }

    private synchronized ProbeGet http() {
        if (http == null) {
            http = new ProbeGet("talkhost-ports", 64 * 1024);
            if (closed) {
                http.close(); // the ports area stopped meanwhile: the probe fails as any probe then does
            }
        }
        return http;
    }

    PortStatus inspect(String host, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String target = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        try {
            ProbeGet.Answer ready = http().get(target, port, "/api/ready", deadline);
            String said = ready.body().strip().replace("\"", "");
            if (ready.status() == 200 && (said.equalsIgnoreCase("Ready") || said.equalsIgnoreCase("Unloaded"))) {
                return status(port, PortHolder.ALLTALK, "status.alltalk", said);
            }
            if (mentions(ready.body(), "gradio") || isAllTalkPage(page(target, port, deadline))) {
                return status(port, PortHolder.ALLTALK_UI, "status.ui");
            }
            return status(port, PortHolder.FOREIGN, "status.foreign.http", ready.status());
        } catch (ProbeGet.NotReached e) {
            return bindable(host, port);
        } catch (ProbeGet.Silent e) {
            return status(port, PortHolder.UNBINDABLE, "status.silent");
        } catch (IOException e) {
            LOG.debug("Port {} answered, but not in HTTP: {}", port, e.getMessage());
            return status(port, PortHolder.FOREIGN, "status.foreign.other");
        }
    }

    private PortStatus bindable(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(REUSE);
            socket.bind(new InetSocketAddress(host, port), 1);
            return status(port, PortHolder.FREE, "status.free");
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            LOG.debug("Port {} on {} cannot be bound: {}", port, host, e.toString());
            return status(port, PortHolder.UNBINDABLE, "status.unbindable");
        }
    }

    private String page(String host, int port, long deadline) {
        try {
            return http().get(host, port, "/", deadline).body();
        } catch (IOException e) {
            return "";
        }
    }

    /** AllTalk v2's Gradio page names gradio; the stand-in's page (and AllTalk's title) names AllTalk. */
    private static boolean isAllTalkPage(String page) {
        return mentions(page, "gradio") || mentions(page, "alltalk");
    }

    private static boolean mentions(String body, String word) {
        return body.toLowerCase(Locale.ROOT).contains(word);
    }

    private PortStatus status(int port, PortHolder holder, String key, Object... args) {
        return new PortStatus(port, holder, messages.text(key, args));
    }
}
