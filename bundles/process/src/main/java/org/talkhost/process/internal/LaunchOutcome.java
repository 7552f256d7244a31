package org.talkhost.process.internal;

import java.util.List;

import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.RunState;

/**
 * What a launch came to: ready (timed, measured and announced), cancelled, ended while starting (explained
 * from its output), or not ready in time (stopped and explained); and forgetting a server that is gone.
 */
final class LaunchOutcome {
    private final Parts p;
    private final StartSequence sequence;

    LaunchOutcome(Parts parts, StartSequence sequence) {
        this.p = parts;
        this.sequence = sequence;
    }

    RunState finish(Attempt a, Supervised sv, LaunchPlan plan, ReadyWaiter.Outcome o) {
        ChildProcess child = sv.child();
        switch (o.result()) {
        case READY:
            p.startTimes.record(plan.timingKey(), o.took());
            p.measure().record("process.start", o.took(), true);
            if (o.portToReady() != null) {
                p.measure().record("process.port_to_ready", o.portToReady(), true);
            }
            p.log().info("{} is ready on {} after {} ms; port open to ready: {}", plan.words(), sv.address(),
                    o.took().toMillis(), o.portToReady() == null ? "unknown" : "at least " + o.openSeen().toMillis()
                            + " ms, at most " + o.portToReady().toMillis() + " ms");
            child.output().onFinding(f -> warnLive(f, List.of()));
            return sequence.ready(a, sv, sv.mode(), p.messages.info("ready.started", plan.words(), sv.address(),
                    PlainAmounts.duration(o.took())));
        case CANCELLED:
            return p.board.state();
        case EXITED:
            release(sv);
            p.measure().record("process.start", o.took(), false);
            String code = o.exitCode() == ChildProcess.UNKNOWN_EXIT ? p.messages.text("exit.unknown")
                    : Integer.toString(o.exitCode());
            p.log().error("{} (pid {}) exited with code {} while starting; last lines: {}", plan.words(), child.pid(),
                    code, child.output().lastLines(5));
            String explained = child.output().explanations();
            String log = p.launcher.log().file().toString();
            return explained.isEmpty()
                    ? sequence.fail(a, sv.mode(), sv.address(), "fail.exited", p.messages.text("fail.exited.unexplained",
                            plan.words(), code, String.join(" / ", child.output().lastLines(3)), log), true)
                    : sequence.fail(a, sv.mode(), sv.address(), "fail.exited",
                            p.messages.text("fail.exited", plan.words(), code, explained, log), true);
        default:
            ProcessTreeStopper.Result r = p.stopper.stop(child.handle(), p.grace());
            release(sv);
            p.measure().record("process.start", o.took(), false);
            p.log().error("{} (pid {}) was not ready after {} s; stopped it ({} processes, {} forced, left {})",
                    plan.words(), child.pid(), p.readyTimeout().toSeconds(), r.processes(), r.forced(), r.left());
            String why = (unloaded(o) + child.output().explanations()).strip();
            return sequence.fail(a, sv.mode(), sv.address(), "fail.timeout", p.messages.text("fail.timeout", plan.words(),
                    PlainAmounts.duration(o.took()), why.isEmpty() ? "" : why + " ", p.launcher.log().file()), true);
        }
    }

    /** Forgets a server that ended or was given up: its pid file and lock (when ours) and the board entry. */
    void release(Supervised sv) {
        if (sv.child() != null) {
            sv.child().unwatch();
        }
        if (sv.startedByUs()) {
            p.pidFile.delete();
            p.lock.release();
        }
        if (p.board.server() == sv) {
            p.board.server(null);
        }
    }

    void warnLive(OutputScanner.Finding f, List<NoticeListener> to) {
        p.log().warning("AllTalk output: {}", f.line());
        if (!f.fatal() && !f.isDownload()) {
            p.board.say(Notice.warning("process", f.key(), p.messages.text("finding", f.text())), to);
        }
    }

    String unloaded(ReadyWaiter.Outcome o) {
        return o.answered() ? p.messages.text("fail.unloaded") + " " : "";
    }
}
