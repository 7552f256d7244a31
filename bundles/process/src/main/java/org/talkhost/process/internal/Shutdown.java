package org.talkhost.process.internal;

import static org.talkhost.process.internal.ProcessCatalog.TEXT;

import java.util.List;
import java.util.function.Supplier;

import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.process.Phase;

/**
 * TalkHost itself is stopping: stop the AllTalk this TalkHost started (when stopOnExit is on), never
 * one it adopted; a server left running keeps its pid file so that the next TalkHost adopts it.
 */
final class Shutdown {
    private final StateAnnouncer state;
    private final OwnServer own;
    private final Timings timings;
    private final Supplier<OperationsLog> log;

    Shutdown(StateAnnouncer state, OwnServer own, Timings timings, Supplier<OperationsLog> log) {
        this.state = state;
        this.own = own;
        this.timings = timings;
        this.log = log;
    }

    void leaveOrStop(Supervised sv, boolean stopOnExit) {
        if (sv == null) {
            return;
        }
        if (!sv.startedByUs()) {
            log.get().info("{}", TEXT.text("shutdown.leave", sv.words() + " on " + sv.address()));
            return;
        }
        if (!stopOnExit || sv.child() == null) {
            log.get().info("{}", TEXT.text("shutdown.leave.config"));
            return;
        }
        state.server(null);
        state.enter(
                Phase.STOPPING,
                sv.mode(),
                sv,
                null,
                TEXT.info("stop.begin", sv.pid(), "", PlainAmounts.duration(timings.grace())),
                List.of());
        ProcessTreeStopper.Result r = own.stop(sv.child().handle());
        log.get()
                .info(
                        "TalkHost is stopping: stopped {} (pid {}): {} processes, {} forced, left {}, took {} ms",
                        sv.words(),
                        sv.pid(),
                        r.processes(),
                        r.forced(),
                        r.left(),
                        r.took().toMillis());
        own.pidFile().delete();
        state.enter(
                Phase.STOPPED,
                sv.mode(),
                null,
                sv.address(),
                r.clean()
                        ? TEXT.info(
                                "stop.done",
                                PlainAmounts.count(r.processes(), "process", "processes"),
                                PlainAmounts.duration(r.took()))
                        : TEXT.error("stop.left", r.left()),
                List.of());
    }
}
