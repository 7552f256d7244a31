package org.talkhost.process.internal;

import static org.talkhost.process.internal.ProcessCatalog.TEXT;

import java.util.List;
import java.util.function.Supplier;

import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.RunState;

/**
 * What a launch came to: ready (timed, measured and announced), cancelled, ended while starting (explained
 * from its output), or not ready in time (stopped and explained); and forgetting a server that is gone.
 */
final class LaunchOutcome {
    private final StateAnnouncer state;
    private final OwnServer own;
    private final Timings timings;
    private final Supplier<OperationsLog> log;
    private final Supplier<Metrics> metrics;
    private final StartSequence sequence;

    LaunchOutcome(
            StateAnnouncer state,
            OwnServer own,
            Timings timings,
            Supplier<OperationsLog> log,
            Supplier<Metrics> metrics,
            StartSequence sequence) {
        this.state = state;
        this.own = own;
        this.timings = timings;
        this.log = log;
        this.metrics = metrics;
        this.sequence = sequence;
    }

    RunState finish(Attempt a, Supervised sv, LaunchPlan plan, ReadyWaiter.Outcome o) {
        ChildProcess child = sv.child();
        switch (o.result()) {
            case READY:
                own.startTimes().record(plan.timingKey(), o.took());
                metrics.get().record("process.start", o.took(), true);
                if (o.portToReady() != null) {
                    metrics.get().record("process.port_to_ready", o.portToReady(), true);
                }
                log.get()
                        .info(
                                "{} is ready on {} after {} ms; port open to ready: {}",
                                plan.words(),
                                sv.address(),
                                o.took().toMillis(),
                                o.portToReady() == null
                                        ? "unknown"
                                        : "at least " + o.openSeen().toMillis() + " ms, at most "
                                                + o.portToReady().toMillis() + " ms");
                child.output().onFinding(f -> warnLive(f, List.of()));
                return sequence.ready(
                        a,
                        sv,
                        sv.mode(),
                        TEXT.info("ready.started", plan.words(), sv.address(), PlainAmounts.duration(o.took())));
            case CANCELLED:
                return state.state();
            case EXITED:
                release(sv);
                metrics.get().record("process.start", o.took(), false);
                String code = o.exitCode() == ChildProcess.UNKNOWN_EXIT
                        ? TEXT.text("exit.unknown")
                        : Integer.toString(o.exitCode());
                log.get()
                        .error(
                                "{} (pid {}) exited with code {} while starting; last lines: {}",
                                plan.words(),
                                child.pid(),
                                code,
                                child.output().lastLines(5));
                String explained = child.output().explanations();
                String logFile = own.launcher().log().file().toString();
                return explained.isEmpty()
                        ? sequence.fail(
                                a,
                                sv.mode(),
                                sv.address(),
                                "fail.exited",
                                TEXT.text(
                                        "fail.exited.unexplained",
                                        plan.words(),
                                        code,
                                        String.join(" / ", child.output().lastLines(3)),
                                        logFile),
                                true)
                        : sequence.fail(
                                a,
                                sv.mode(),
                                sv.address(),
                                "fail.exited",
                                TEXT.text("fail.exited", plan.words(), code, explained, logFile),
                                true);
            default:
                ProcessTreeStopper.Result r = own.stop(child.handle());
                release(sv);
                metrics.get().record("process.start", o.took(), false);
                log.get()
                        .error(
                                "{} (pid {}) was not ready after {} s; stopped it ({} processes, {} forced, left {})",
                                plan.words(),
                                child.pid(),
                                timings.readyTimeout().toSeconds(),
                                r.processes(),
                                r.forced(),
                                r.left());
                String why = (unloaded(o) + child.output().explanations()).strip();
                return sequence.fail(
                        a,
                        sv.mode(),
                        sv.address(),
                        "fail.timeout",
                        TEXT.text(
                                "fail.timeout",
                                plan.words(),
                                PlainAmounts.duration(o.took()),
                                why.isEmpty() ? "" : why + " ",
                                own.launcher().log().file()),
                        true);
        }
    }

    /** Forgets a server that ended or was given up: its pid file and lock (when ours) and the board entry. */
    void release(Supervised sv) {
        if (sv.child() != null) {
            sv.child().unwatch();
        }
        if (sv.startedByUs()) {
            own.forget();
        }
        if (state.server() == sv) {
            state.server(null);
        }
    }

    void warnLive(OutputScanner.Finding f, List<NoticeListener> to) {
        log.get().warning("AllTalk output: {}", f.line());
        if (!f.fatal() && !f.isDownload()) {
            state.say(Notice.warning("process", f.key(), TEXT.text("finding", f.text())), to);
        }
    }

    String unloaded(ReadyWaiter.Outcome o) {
        return o.answered() ? TEXT.text("fail.unloaded") + " " : "";
    }
}
