package org.talkhost.process.internal;

import static org.talkhost.process.internal.ProcessCatalog.TEXT;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.config.Mode;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;

/**
 * What happens when AllTalk ends on its own or stops answering: restart it under the restart policy
 * when this TalkHost manages it, look again for an adopted one that ended, and only reconnect in
 * external mode. Runs on the Supervisor's worker thread.
 */
final class Recovery {

    private final StateAnnouncer state;
    private final OwnServer own;
    private final Timings timings;
    private final AllTalkClient client;
    private final Supplier<OperationsLog> log;
    private final Supplier<Metrics> metrics;
    private final Attempts attempts;
    private final BooleanSupplier userStopped;
    private final Executor worker;

    /** {@code userStopped}: the user stopped AllTalk, so nothing restarts it until the next start. */
    Recovery(
            StateAnnouncer state,
            OwnServer own,
            Timings timings,
            AllTalkClient client,
            Supplier<OperationsLog> log,
            Supplier<Metrics> metrics,
            Attempts attempts,
            BooleanSupplier userStopped,
            Executor worker) {
        this.state = state;
        this.own = own;
        this.timings = timings;
        this.client = client;
        this.log = log;
        this.metrics = metrics;
        this.attempts = attempts;
        this.userStopped = userStopped;
        this.worker = worker;
    }

    /** After READY: an exit of the server's process comes back here (on the worker). */
    void watch(Supervised sv) {
        if (sv.child() == null) {
            return;
        }
        sv.child().exited().thenRun(() -> {
            try {
                worker.execute(() -> exited(sv));
            } catch (RejectedExecutionException e) {
                // the Supervisor is going away: the next one finds out by itself
            }
        });
    }

    void exited(Supervised sv) {
        if (state.server() != sv || userStopped.getAsBoolean()) {
            return;
        }
        state.server(null);
        ChildProcess child = sv.child();
        child.unwatch();
        int code = child.exitCode();
        String codeText = code == ChildProcess.UNKNOWN_EXIT ? TEXT.text("exit.unknown") : Integer.toString(code);
        log.get()
                .error(
                        "{} (pid {}) on {} exited unexpectedly with code {}; last lines: {}",
                        sv.words(),
                        sv.pid(),
                        sv.address(),
                        codeText,
                        child.output().lastLines(5));
        metrics.get().record("process.crash", Duration.ZERO, false);
        if (sv.startedByUs()) {
            own.pidFile().delete();
        }
        if (sv.mode() == Mode.EXTERNAL) {
            attempts.begin(false, NoticeListener.NONE, Duration.ZERO);
            return;
        }
        String explained = child.output().explanations();
        String why = explained.isEmpty() ? "" : explained + " ";
        if (sv.startedByUs()) {
            restart(sv.mode(), sv, "crash.restart", codeText, why);
        } else {
            state.say(TEXT.warning("adopted.gone"), List.of());
            restart(sv.mode(), sv, "crash.restart", codeText, why);
        }
    }

    /**
     * The health monitor (or a resource limit) says AllTalk is not answering. {@code force} skips the
     * quick check that it answers again after all.
     */
    void recover(String reason, boolean force) {
        if (userStopped.getAsBoolean()) {
            log.get().info("Not recovering ({}): AllTalk was stopped by the user", reason);
            return;
        }
        if (attempts.busy()) {
            log.get().info("{}", TEXT.text("recover.busy", reason));
            return;
        }
        Supervised sv = state.server();
        RunState st = state.state();
        Mode mode = sv != null ? sv.mode() : st.mode();
        if (mode == Mode.EXTERNAL) {
            state.say(TEXT.warning("external.lost", st.address(), reason), List.of());
            attempts.begin(false, NoticeListener.NONE, Duration.ZERO);
            return;
        }
        if (st.phase() == Phase.FAILED || st.phase() == Phase.STOPPED || st.phase() == Phase.STOPPING) {
            log.get().info("Not recovering ({}): AllTalk is {} and waits for the user", reason, st.phase());
            return;
        }
        if (!force && answersNow()) {
            log.get().info("AllTalk answers again; no recovery needed ({})", reason);
            return;
        }
        if (sv != null && sv.startedByUs()) {
            RestartPolicy.Decision d = timings.policy().next();
            if (!d.allowed()) {
                giveUp(mode, sv, d);
                return;
            }
            state.server(null);
            String key = force ? "limit.restarting" : "hang.restart";
            state.enter(
                    Phase.RESTARTING,
                    mode,
                    null,
                    sv.address(),
                    TEXT.warning(
                            key,
                            reason,
                            PlainAmounts.duration(d.delay()),
                            d.attempt(),
                            d.limit(),
                            PlainAmounts.duration(d.window())),
                    List.of());
            if (sv.child() != null) {
                sv.child().unwatch();
                ProcessTreeStopper.Result r = own.stop(sv.child().handle());
                log.get()
                        .warning(
                                "Stopped AllTalk (pid {}, {}): {} processes, {} forced, left {}",
                                sv.pid(),
                                reason,
                                r.processes(),
                                r.forced(),
                                r.left());
            }
            own.pidFile().delete();
            log.get()
                    .info(
                            "Restarting AllTalk in {} s (automatic start {} of {})",
                            d.delay().toSeconds(),
                            d.attempt(),
                            d.limit());
            attempts.begin(true, NoticeListener.NONE, d.delay());
        } else if (sv != null && sv.alive()) {
            state.say(TEXT.warning("adopted.hung", sv.address(), reason), List.of());
        } else {
            if (sv != null) {
                state.server(null);
                state.say(TEXT.warning("adopted.gone"), List.of());
            }
            restart(mode, sv, "crash.restart", TEXT.text("exit.unknown"), "");
        }
    }

    /** A failed automatic attempt: try again under the policy, or give up. */
    void retry(RunState failed) {
        if (userStopped.getAsBoolean() || failed.mode() == Mode.EXTERNAL) {
            return;
        }
        RestartPolicy.Decision d = timings.policy().next();
        if (!d.allowed()) {
            giveUp(failed.mode(), null, d);
            return;
        }
        state.enter(
                Phase.RESTARTING,
                failed.mode(),
                null,
                failed.address(),
                Notice.warning(
                        "process",
                        "retry.restart",
                        failed.explanation() + " "
                                + TEXT.text(
                                        "retry.restart",
                                        PlainAmounts.duration(d.delay()),
                                        d.attempt(),
                                        d.limit(),
                                        PlainAmounts.duration(d.window()))),
                List.of());
        attempts.begin(true, NoticeListener.NONE, d.delay());
    }

    private void restart(Mode mode, Supervised sv, String key, String code, String why) {
        RestartPolicy.Decision d = timings.policy().next();
        if (!d.allowed()) {
            giveUp(mode, sv, d);
            return;
        }
        log.get()
                .info(
                        "Restarting AllTalk in {} s (automatic start {} of {})",
                        d.delay().toSeconds(),
                        d.attempt(),
                        d.limit());
        state.enter(
                Phase.RESTARTING,
                mode,
                null,
                sv == null ? null : sv.address(),
                TEXT.warning(
                        key,
                        code,
                        why,
                        PlainAmounts.duration(d.delay()),
                        d.attempt(),
                        d.limit(),
                        PlainAmounts.duration(d.window())),
                List.of());
        attempts.begin(true, NoticeListener.NONE, d.delay());
    }

    private void giveUp(Mode mode, Supervised sv, RestartPolicy.Decision d) {
        own.lock().release();
        log.get()
                .error(
                        "Restart limit reached: {} automatic starts within {} s",
                        d.attempt(),
                        d.window().toSeconds());
        state.enter(
                Phase.FAILED,
                mode,
                null,
                sv == null ? null : sv.address(),
                TEXT.error(
                        "restart.limit",
                        PlainAmounts.count(d.attempt(), "time", "times"),
                        PlainAmounts.duration(d.window())),
                List.of());
    }

    private boolean answersNow() {
        try {
            return client.ready(Duration.ofSeconds(1)).ready();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
