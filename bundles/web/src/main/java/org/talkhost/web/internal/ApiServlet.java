package org.talkhost.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.client.AllTalkException;
import org.talkhost.api.config.HostPaths;
import org.talkhost.common.PartMissing;
import org.talkhost.common.Threads;

/**
 * TalkHost's control API under {@code /talkhost/api/}: reading calls (GET) and changing calls (POST,
 * PUT), each checked by the {@link AccessRule} first. Failures answer one plain sentence: 400 for bad
 * input, 503 when a part of TalkHost is away, 500 otherwise. See docs/api.md.
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern(ControlEndpoint.API_PATH + "*")
public final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    static final String NDJSON = "application/x-ndjson";

    private final transient ControlEndpoint endpoint;
    private final transient ReadCalls reads;
    private final transient ConfigCalls config;
    private final transient ActionCalls actions;
    private final transient ExecutorService workers = Executors.newCachedThreadPool(Threads.named("talkhost-web-exec"));

    @Activate
    public ApiServlet(
            @Reference ControlEndpoint endpoint,
            @Reference HostServices services,
            @Reference EventHub hub,
            @Reference Sampler sampler) {
        this.endpoint = endpoint;
        this.reads = new ReadCalls(services, hub, sampler);
        this.config = new ConfigCalls(services);
        this.actions = new ActionCalls(services, hub, workers);
    }

    @Deactivate
    void stop() {
        workers.shutdownNow();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!Answers.allowed(endpoint.access(), req, resp, false)) {
            return;
        }
        String call = call(req);
        answer(resp, () -> {
            switch (call) {
                case "status":
                    return reads.status();
                case "health":
                    return reads.health();
                case "voices":
                    return reads.voices();
                case "ports":
                    return reads.ports();
                case "doctor":
                    return reads.doctor("true".equals(req.getParameter("fresh")));
                case "metrics":
                    return reads.metrics();
                case "log":
                    return reads.log(lines(req.getParameter("lines")));
                case "config":
                    return config.all();
                default:
                    return null;
            }
        });
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!Answers.allowed(endpoint.access(), req, resp, true)) {
            return;
        }
        String call = call(req);
        if (!call.startsWith("config/")) {
            Answers.plain(resp, 404, unknown(req));
            return;
        }
        String value = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        answer(resp, () -> {
            Map<String, Object> m = config.put(call.substring("config/".length()), value);
            if (!Boolean.TRUE.equals(m.get("changed"))) {
                throw new IllegalArgumentException(String.valueOf(m.get("message")));
            }
            return m;
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!Answers.allowed(endpoint.access(), req, resp, true)) {
            return;
        }
        String call = call(req);
        if ("say".equals(call)) {
            say(req, resp);
            return;
        }
        if ("exec".equals(call)) {
            exec(req, resp);
            return;
        }
        answer(resp, () -> {
            switch (call) {
                case "start":
                    return actions.start();
                case "stop":
                    return actions.stop();
                case "restart":
                    return actions.restart();
                default:
                    return null;
            }
        });
    }

    private void exec(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String command = textField(req, "command");
        boolean streamed = String.valueOf(req.getHeader("Accept")).contains(NDJSON);
        answer(resp, () -> {
            if (command == null || command.isBlank()) {
                throw new IllegalArgumentException(
                        "Send the command line to run, for example {\"command\": \"alltalk:status\"}.");
            }
            if (streamed) {
                resp.setStatus(200);
                resp.setContentType(NDJSON);
                resp.setCharacterEncoding("UTF-8");
            }
            Object[] result = new Object[1];
            actions.exec(command, streamed, () -> output(resp), r -> result[0] = r);
            return streamed ? Answered.ALREADY : result[0];
        });
    }

    private void say(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Object> body;
        try {
            body = ApiJson.readObject(req.getInputStream());
        } catch (IOException | IllegalArgumentException e) {
            Answers.plain(resp, 400, "The request body must be JSON such as {\"text\": \"Hello there\"}.");
            return;
        }
        answer(resp, () -> {
            Object text = body.get("text");
            Path wav = actions.say(
                    text == null ? null : text.toString(),
                    string(body.get("voice")),
                    string(body.get("language")),
                    HostPaths.runtime().resolve("web-say"));
            try {
                resp.setStatus(200);
                resp.setContentType("audio/wav");
                resp.setContentLengthLong(Files.size(wav));
                resp.setHeader("Cache-Control", "no-store");
                Files.copy(wav, resp.getOutputStream());
            } finally {
                Files.deleteIfExists(wav);
            }
            return Answered.ALREADY;
        });
    }

    /** A call's answer, or failure as one plain sentence with a fitting status. */
    private void answer(HttpServletResponse resp, Call call) throws IOException {
        try {
            Object body = call.run();
            if (body == null) {
                Answers.plain(
                        resp, 404, "TalkHost's control API has no such call. The calls are listed in docs/api.md.");
            } else if (body != Answered.ALREADY) {
                Answers.json(resp, 200, body);
            }
        } catch (IllegalArgumentException e) {
            Answers.plain(resp, 400, e.getMessage());
        } catch (PartMissing | AllTalkException e) {
            Answers.plain(resp, 503, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Answers.plain(resp, 503, "TalkHost is stopping, so this call was not finished.");
        } catch (Exception e) {
            LOG.warn("A control API call failed", e);
            if (!resp.isCommitted()) {
                Answers.plain(resp, 500, e.getMessage() == null ? "The call failed: " + e : e.getMessage());
            }
        }
    }

    private static String call(HttpServletRequest req) {
        String path = req.getPathInfo();
        return path == null ? "" : path.replaceAll("^/+|/+$", "");
    }

    private static String unknown(HttpServletRequest req) {
        return "TalkHost's control API has no " + req.getMethod() + " " + req.getRequestURI() + ". See docs/api.md.";
    }

    private static int lines(String value) {
        try {
            return value == null ? 50 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lines must be a whole number, such as 50, not \"" + value + "\".");
        }
    }

    /** A field of a JSON body, or the whole body when it is plain text. */
    private static String textField(HttpServletRequest req, String field) throws IOException {
        try (InputStream in = req.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            if (text.startsWith("{")) {
                return string(ApiJson.readObject(new java.io.ByteArrayInputStream(bytes))
                        .get(field));
            }
            return text;
        }
    }

    private static String string(Object o) {
        return o == null ? "" : o.toString();
    }

    private static java.io.OutputStream output(HttpServletResponse resp) {
        try {
            return resp.getOutputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One API call. */
    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    /** The call wrote its own answer. */
    private enum Answered {
        ALREADY
    }
}
