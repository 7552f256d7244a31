package org.talkhost.process.internal;

import java.util.List;

import org.talkhost.api.process.Phase;

/**
 * TalkHost itself is stopping: stop the AllTalk this TalkHost started (when stopOnExit is on), never
 * one it adopted; a server left running keeps its pid file so that the next TalkHost adopts it.
 */
final class Shutdown {
    private final Parts p;

    Shutdown(Parts parts) {
        this.p = parts;
    }

    void leaveOrStop(Supervised sv, boolean stopOnExit) {
        if (sv == null) {
            return;
        }
        if (!sv.startedByUs()) {
            p.log().info("{}", p.messages.text("shutdown.leave", sv.words() + " on " + sv.address()));
            return;
        }
        if (!stopOnExit || sv.child() == null) {
            p.log().info("{}", p.messages.text("shutdown.leave.config"));
            return;
        }
        p.board.server(null);
        p.board.enter(Phase.STOPPING, sv.mode(), sv, null, p.messages.info("stop.begin", sv.pid(), "",
                PlainAmounts.duration(p.grace())), List.of());
        ProcessTreeStopper.Result r = p.stopper.stop(sv.child().handle(), p.grace());
        p.log().info("TalkHost is stopping: stopped {} (pid {}): {} processes, {} forced, left {}, took {} ms",
                sv.words(), sv.pid(), r.processes(), r.forced(), r.left(), r.took().toMillis());
        p.pidFile.delete();
        p.board.enter(Phase.STOPPED, sv.mode(), null, sv.address(), r.clean()
                ? p.messages.info("stop.done", PlainAmounts.count(r.processes(), "process", "processes"),
                        PlainAmounts.duration(r.took()))
                : p.messages.error("stop.left", r.left()), List.of());
    }
}
