package org.talkhost.gateway.internal;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.common.Threads;

/**
 * The gateway on the shared HTTP runtime's default context, at {@code /} (so more specific
 * registrations such as TalkHost's {@code /talkhost/*} win): AllTalk's API and OpenAI speech, held
 * while AllTalk is not ready. The first attempt runs on the container's thread; a request that must
 * wait leaves it (AsyncContext) and resumes on a worker when the gate opens. Enabled by
 * {@link GatewayFront} only when its settings are safe.
 */
@Component(service = Servlet.class, configurationPolicy = ConfigurationPolicy.IGNORE, enabled = false)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("talkhost-gateway")
@HttpWhiteboardServletAsyncSupported
public final class GatewayServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServlet.class);

    private final transient Pool pool;
    private final transient Traffic traffic;
    private final transient ScheduledExecutorService timer =
            new ScheduledThreadPoolExecutor(1, Threads.named("talkhost-gateway-timer"));
    /**
     * Probes failed instances, one probe round at a time. Its own thread: handed to {@link #workers} every
     * tick, each round started one more thread there (a pool below its core size starts a new thread
     * for each task), 44 of them at idle while an instance was down.
     */
    private final transient ThreadPoolExecutor reviver = idleEnds(new ThreadPoolExecutor(
            1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), Threads.named("talkhost-gateway-revive")));

    private final transient ExecutorService workers;
    private final transient Upstream upstream;
    private final transient Gate gate;
    private final transient Forwarder forwarder;
    private final transient AtomicBoolean reviving = new AtomicBoolean();
    private final transient GatewayFront front;
    private transient volatile Settings settings;

    /** The settings in force and what is built from them, rebuilt when they change. */
    private record Settings(GatewayConfig config, Admission admission, OpenAiSpeech openAi) {}

    @Activate
    public GatewayServlet(@Reference Pool pool, @Reference Traffic traffic, @Reference GatewayFront front) {
        this.pool = pool;
        this.front = front;
        this.traffic = traffic;
        this.workers = idleEnds(new ThreadPoolExecutor(
                64, 64, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), Threads.named("talkhost-gateway")));
        this.upstream = new Upstream(pool::readTimeout, timer);
        this.gate = new Gate(() -> pool.revive(upstream), timer, workers);
        this.forwarder = new Forwarder(upstream, pool);
        timer.scheduleWithFixedDelay(this::revive, Gate.TICK_MS, Gate.TICK_MS, TimeUnit.MILLISECONDS);
        traffic.waitingFrom(gate::waiting);
        LOG.info(
                "Gateway servlet registered: AllTalk's API and OpenAI speech, held up to {} s while AllTalk is "
                        + "not ready",
                settings().config().holdSeconds());
    }

    private Settings settings() {
        GatewayConfig c = front.config();
        Settings s = settings;
        if (s == null || s.config() != c) {
            s = new Settings(
                    c,
                    new Admission(c.token(), c.maxBodyKb()),
                    new OpenAiSpeech(upstream, VoiceMap.parse(c.openAiVoices())));
            settings = s;
        }
        return s;
    }

    @Deactivate
    void stop() {
        traffic.waitingFrom(null);
        gate.refuseAll("TalkHost's gateway is stopping");
        timer.shutdownNow();
        reviver.shutdownNow();
        workers.shutdown();
        upstream.close();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Call call = settings().admission().admit(req, resp);
        if (call == null) {
            traffic.answered(
                    new Call(req, resp, req.getRequestURI(), java.util.List.of(), new byte[0], ""),
                    resp.getStatus(),
                    false);
            return;
        }
        attempt(call);
    }

    /**
     * Sends the call to the least busy ready instance now, or holds it until one is ready. An instance that
     * cannot be reached gets no more requests until it answers Ready again, and the call goes to another; a
     * call whose instance died under it is sent to another once.
     */
    void attempt(Call call) {
        if (!gate.open()) {
            hold(call, gate.reason());
            return;
        }
        AllTalkWhere member = pool.take(call); // counted in flight there from now on
        if (member == null) {
            gate.close(pool.noneReady());
            hold(call, gate.reason());
            return;
        }
        call.member = member;
        Outcome outcome;
        try {
            outcome = handler(call).handle(call, member.address());
        } catch (Forwarder.ClientGone e) {
            member.ended(false);
            finish(call, 499, false);
            return;
        } catch (RuntimeException e) {
            member.ended(false);
            LOG.warn("The gateway failed on {} {}", call.method, call.target, e);
            Replies.say(
                    call,
                    502,
                    "TalkHost's gateway failed while passing this request to AllTalk; the host log "
                            + "has the details.",
                    "server_error");
            finish(call, 502, false);
            return;
        }
        member.ended(outcome == Outcome.DONE);
        switch (outcome) {
            case DONE -> finish(call, call.response.getStatus(), false);
            case UNREACHED -> {
                member.down(Reasons.unreached(member));
                attempt(call);
            }
            case DIED -> {
                member.down(Reasons.died(member));
                if (call.resent) {
                    refuse(call, "AllTalk stopped twice while working on this request");
                } else {
                    call.resent = true;
                    LOG.info(
                            "AllTalk instance '{}' stopped while working on {} {}; sending it again to another "
                                    + "instance",
                            member.instance(),
                            call.method,
                            call.endpoint);
                    attempt(call);
                }
            }
        }
    }

    private static ThreadPoolExecutor idleEnds(ThreadPoolExecutor executor) {
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /**
     * Asks the instances that failed whether they are back, on the reviver's thread (a probe may take a while),
     * when one has failed.
     */
    private void revive() {
        if (pool.anyFailed() && reviving.compareAndSet(false, true)) {
            try {
                reviver.execute(() -> {
                    try {
                        pool.revive(upstream);
                    } finally {
                        reviving.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                reviving.set(false);
            }
        }
    }

    private Handler handler(Call call) {
        return "POST".equals(call.method) && EndpointNames.OPENAI_SPEECH.equals(call.path())
                ? settings().openAi()
                : forwarder;
    }

    private void hold(Call call, String why) {
        GatewayConfig c = settings().config();
        if (call.heldSinceNanos == 0) {
            call.heldSinceNanos = System.nanoTime();
            call.heldBecause = why;
            traffic.held(call);
        }
        if (call.async == null) {
            call.async = call.request.startAsync();
            call.async.setTimeout(0);
        }
        long deadline = call.heldSinceNanos + TimeUnit.SECONDS.toNanos(c.holdSeconds());
        boolean holding = gate.hold(
                new Waiter() {
                    @Override
                    public long deadlineNanos() {
                        return deadline;
                    }

                    @Override
                    public void resume() {
                        attempt(call);
                    }

                    @Override
                    public void refuse(String reason) {
                        GatewayServlet.this.refuse(call, reason);
                    }
                },
                c.maxWaiting());
        if (!holding) {
            refuse(call, "too many requests (" + c.maxWaiting() + ") are already waiting for AllTalk");
        }
    }

    private void refuse(Call call, String reason) {
        int waited = (int) TimeUnit.NANOSECONDS.toSeconds(
                System.nanoTime() - (call.heldSinceNanos == 0 ? call.startNanos : call.heldSinceNanos));
        Replies.unavailable(
                call,
                "AllTalk is not available" + (waited > 0 ? " after " + waited + " s of waiting" : "") + ": " + reason
                        + ". Try again shortly.",
                Math.max(5, settings().config().holdSeconds() / 6));
        finish(call, 503, true);
    }

    private void finish(Call call, int status, boolean refused) {
        traffic.answered(call, status, refused);
        if (call.async != null) {
            try {
                call.async.complete();
            } catch (IllegalStateException e) {
                // already completed (the client left)
            }
        }
    }
}
