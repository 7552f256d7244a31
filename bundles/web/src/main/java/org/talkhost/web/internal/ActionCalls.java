package org.talkhost.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.notice.NoticeListener;

/**
 * The API's changing calls: start, stop, restart, say and exec. Each runs while the notices it causes
 * are collected (or, for a streamed exec, written as they come), so the caller sees what a person at
 * the console would.
 */
final class ActionCalls {
    private static final long SAY_TIMEOUT_SECONDS = 180;
    private static final long TRAILING_NOTICE_MILLIS = 10;
    private static final Object DONE = new Object();

    private final HostServices services;
    private final EventHub hub;
    private final ExecutorService workers;

    ActionCalls(HostServices services, EventHub hub, ExecutorService workers) {
        this.services = services;
        this.hub = hub;
        this.workers = workers;
    }

    Map<String, Object> start() throws Exception {
        return withNotices(() -> ReadCalls.state(services.supervisor().start(NoticeListener.NONE)));
    }

    Map<String, Object> restart() throws Exception {
        return withNotices(() -> ReadCalls.state(services.supervisor().restart(NoticeListener.NONE)));
    }

    Map<String, Object> stop() throws Exception {
        return withNotices(() -> {
            String said = services.supervisor().stop(NoticeListener.NONE);
            Map<String, Object> m =
                    new LinkedHashMap<>(ReadCalls.state(services.supervisor().state()));
            m.put("message", said);
            return m;
        });
    }

    /** Runs {@code action}; its answer gains the texts of the notices heard meanwhile. */
    private Map<String, Object> withNotices(Supplier<Map<String, Object>> action) throws Exception {
        BlockingQueue<WebEvent> heard = new LinkedBlockingQueue<>();
        Runnable stop = hub.listen(e -> offerNotice(heard, e));
        try {
            Map<String, Object> m = new LinkedHashMap<>(action.get());
            Thread.sleep(TRAILING_NOTICE_MILLIS);
            List<Object> notices = new ArrayList<>();
            heard.forEach(e -> notices.add(e.data()));
            m.put("notices", notices);
            return m;
        } finally {
            stop.run();
        }
    }

    private static void offerNotice(BlockingQueue<WebEvent> queue, WebEvent e) {
        if (e.kind() == WebEvent.Kind.NOTICE) {
            queue.add(e);
        }
    }

    /**
     * Runs a console command line. Streamed: one JSON line per notice as it comes
     * ({@code {"notice":{...}}}), then {@code {"output":..., "status":...}}; otherwise one JSON object.
     */
    void exec(String command, boolean streamed, Supplier<OutputStream> body, java.util.function.Consumer<Object> answer)
            throws IOException, InterruptedException {
        BlockingQueue<Object> heard = new LinkedBlockingQueue<>();
        Runnable stop = hub.listen(e -> {
            if (e.kind() == WebEvent.Kind.NOTICE) {
                heard.add(e);
            }
        });
        List<Object> notices = new ArrayList<>();
        OutputStream out = streamed ? body.get() : null;
        try {
            Future<CommandExec.Outcome> run = workers.submit(() -> {
                try {
                    return CommandExec.run(services.commands(), command, Map.of());
                } finally {
                    heard.add(DONE);
                }
            });
            long deadline = Long.MAX_VALUE;
            while (System.nanoTime() < deadline) {
                Object next = deadline == Long.MAX_VALUE
                        ? heard.take()
                        : heard.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == DONE) {
                    deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TRAILING_NOTICE_MILLIS);
                } else if (next instanceof WebEvent) {
                    Map<String, Object> data = ((WebEvent) next).data();
                    if (streamed) {
                        line(out, Map.of("notice", data));
                    } else {
                        notices.add(data);
                    }
                }
            }
            CommandExec.Outcome o = outcome(run);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("command", command);
            result.put("output", o.output());
            result.put("status", o.status());
            if (streamed) {
                line(out, result);
            } else {
                result.put("notices", notices);
                answer.accept(result);
            }
        } finally {
            stop.run();
        }
    }

    private static CommandExec.Outcome outcome(Future<CommandExec.Outcome> run) throws InterruptedException {
        try {
            return run.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            return new CommandExec.Outcome(CommandExec.plain(cause), 1);
        }
    }

    private static void line(OutputStream out, Object value) throws IOException {
        out.write((ApiJson.write(value) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Speaks {@code text} through TalkHost's queue into a WAV file; returns the file (the caller deletes it). */
    Path say(String text, String voice, String language, Path folder) throws Exception {
        Files.createDirectories(folder);
        Path wav = Files.createTempFile(folder, "say-", ".wav");
        SpeakRequest request = new SpeakRequest(text, voice, language, wav, false, 1.0);
        try {
            services.speaker().submit(request).get(SAY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return wav;
        } catch (ExecutionException e) {
            Files.deleteIfExists(wav);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof RuntimeException
                    ? (RuntimeException) cause
                    : new IllegalStateException(cause.getMessage(), cause);
        } catch (TimeoutException e) {
            Files.deleteIfExists(wav);
            throw new IllegalStateException("AllTalk did not finish speaking within " + SAY_TIMEOUT_SECONDS
                    + " seconds, so TalkHost gave up on this sentence. Try a shorter text, or see alltalk:status.");
        }
    }
}
