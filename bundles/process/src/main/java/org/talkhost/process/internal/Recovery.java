package org.talkhost.process.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

import org.talkhost.api.config.Mode;
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

    private final Parts p;
    private final Attempts attempts;
    private final BooleanSupplier userStopped;
    private final Executor worker;

    /** {@code userStopped}: the user stopped AllTalk, so nothing restarts it until the next start. */
    Recovery(Parts parts, Attempts attempts, BooleanSupplier userStopped, Executor worker) {
        this.p = parts;
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
        if (p.board.server() != sv || userStopped.getAsBoolean()) {
            return;
        }
        p.board.server(null);
        ChildProcess child = sv.child();
        child.unwatch();
        int code = child.exitCode();
        String codeText = code == ChildProcess.UNKNOWN_EXIT ? p.messages.text("exit.unknown") : Integer.toString(code);
        p.log().error("{} (pid {}) on {} exited unexpectedly with code {}; last lines: {}", sv.words(), sv.pid(),
                sv.address(), codeText, child.output().lastLines(5));
        p.measure().record("process.crash", Duration.ZERO, false);
        if (sv.startedByUs()) {
            p.pidFile.delete();
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
            p.board.say(p.messages.warning("adopted.gone"), List.of());
            restart(sv.mode(), sv, "crash.restart", codeText, why);
        }
    }

    /**
     * The health monitor (or a resource limit) says AllTalk is not answering. {@code force} skips the
     * quick check that it answers again after all.
     */
    void recover(String reason, boolean force) {
        if (userStopped.getAsBoolean()) {
            p.log().info("Not recovering ({}): AllTalk was stopped by the user", reason);
            return;
        }
        if (attempts.busy()) {
            p.log().info("{}", p.messages.text("recover.busy", reason));
            return;
        }
        Supervised sv = p.board.server();
        RunState st = p.board.state();
        Mode mode = sv != null ? sv.mode() : st.mode();
        if (mode == Mode.EXTERNAL) {
            p.board.say(p.messages.warning("external.lost", st.address(), reason), List.of());
            attempts.begin(false, NoticeListener.NONE, Duration.ZERO);
            return;
        }
        if (st.phase() == Phase.FAILED || st.phase() == Phase.STOPPED || st.phase() == Phase.STOPPING) {
            p.log().info("Not recovering ({}): AllTalk is {} and waits for the user", reason, st.phase());
            return;
        }
        if (!force && answersNow()) {
            p.log().info("AllTalk answers again; no recovery needed ({})", reason);
            return;
        }
        if (sv != null && sv.startedByUs()) {
            RestartPolicy.Decision d = p.policy().next();
            if (!d.allowed()) {
                giveUp(mode, sv, d);
                return;
            }
            p.board.server(null);
            String key = force ? "limit.restarting" : "hang.restart";
            p.board.enter(Phase.RESTARTING, mode, null, sv.address(), p.messages.warning(key, reason,
                    PlainAmounts.duration(d.delay()), d.attempt(), d.limit(), PlainAmounts.duration(d.window())), List.of());
            if (sv.child() != null) {
                sv.child().unwatch();
                ProcessTreeStopper.Result r = p.stopper.stop(sv.child().handle(), p.grace());
                p.log().warning("Stopped AllTalk (pid {}, {}): {} processes, {} forced, left {}", sv.pid(), reason,
                        r.processes(), r.forced(), r.left());
            }
            p.pidFile.delete();
            p.log().info("Restarting AllTalk in {} s (automatic start {} of {})", d.delay().toSeconds(), d.attempt(),
                    d.limit());
            attempts.begin(true, NoticeListener.NONE, d.delay());
        } else if (sv != null && sv.alive()) {
            p.board.say(p.messages.warning("adopted.hung", sv.address(), reason), List.of());
        } else {
            if (sv != null) {
                p.board.server(null);
                p.board.say(p.messages.warning("adopted.gone"), List.of());
            }
            restart(mode, sv, "crash.restart", p.messages.text("exit.unknown"), "");
        }
    }

    /** A failed automatic attempt: try again under the policy, or give up. */
    void retry(RunState failed) {
        if (userStopped.getAsBoolean() || failed.mode() == Mode.EXTERNAL) {
            return;
        }
        RestartPolicy.Decision d = p.policy().next();
        if (!d.allowed()) {
            giveUp(failed.mode(), null, d);
            return;
        }
        p.board.enter(Phase.RESTARTING, failed.mode(), null, failed.address(), Notice.warning("process",
                "retry.restart", failed.explanation() + " " + p.messages.text("retry.restart",
                        PlainAmounts.duration(d.delay()), d.attempt(), d.limit(), PlainAmounts.duration(d.window()))), List.of());
        attempts.begin(true, NoticeListener.NONE, d.delay());
    }

    private void restart(Mode mode, Supervised sv, String key, String code, String why) {
        RestartPolicy.Decision d = p.policy().next();
        if (!d.allowed()) {
            giveUp(mode, sv, d);
            return;
        }
        p.log().info("Restarting AllTalk in {} s (automatic start {} of {})", d.delay().toSeconds(), d.attempt(),
                d.limit());
        p.board.enter(Phase.RESTARTING, mode, null, sv == null ? null : sv.address(), p.messages.warning(key, code, why,
                PlainAmounts.duration(d.delay()), d.attempt(), d.limit(), PlainAmounts.duration(d.window())), List.of());
        attempts.begin(true, NoticeListener.NONE, d.delay());
    }

    private void giveUp(Mode mode, Supervised sv, RestartPolicy.Decision d) {
        p.lock.release();
        p.log().error("Restart limit reached: {} automatic starts within {} s", d.attempt(), d.window().toSeconds());
        p.board.enter(Phase.FAILED, mode, null, sv == null ? null : sv.address(),
                p.messages.error("restart.limit", PlainAmounts.count(d.attempt(), "time", "times"),
                        PlainAmounts.duration(d.window())), List.of());
    }

    private boolean answersNow() {
        try {
            return p.client.ready(Duration.ofSeconds(1)).ready();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
