package org.talkhost.process.internal;

import java.util.List;
import java.util.Optional;

import org.talkhost.api.config.Mode;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.Detection;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.Phase;

/**
 * The user asked to stop AllTalk, whoever started it: the whole process tree of the AllTalk TalkHost
 * looks after, or else of the one detection finds. Runs on the Supervisor's worker thread.
 */
final class StopSequence {
    private final Parts p;

    StopSequence(Parts parts) {
        this.p = parts;
    }

    String run(NoticeListener listener, Mode mode) {
        List<NoticeListener> to = List.of(listener);
        Supervised sv = p.board.server();
        ServerAddress address = sv != null ? sv.address() : p.board.state().address();
        Optional<ProcessHandle> root = sv != null && sv.child() != null ? Optional.of(sv.child().handle())
                : Optional.empty();
        if (root.isEmpty()) {
            root = findRunning();
        }
        root = root.filter(Liveness::running);
        p.board.server(null);
        if (root.isEmpty()) {
            String key = sv != null && sv.mode() == Mode.EXTERNAL ? "external.nostop"
                    : sv != null ? "stop.noprocess" : "stop.nothing";
            String text = p.messages.text(key, address);
            p.board.enter(Phase.STOPPED, mode, null, address, Notice.info("process", key, text), to);
            return text;
        }
        ProcessHandle h = root.get();
        long helpers = h.descendants().filter(Liveness::running).count();
        String others = helpers == 0 ? ""
                : p.messages.text("stop.helpers", PlainAmounts.count(helpers, "helper process", "helper processes"));
        p.board.enter(Phase.STOPPING, mode, sv, address,
                p.messages.info("stop.begin", h.pid(), others, PlainAmounts.duration(p.grace())), to);
        if (sv != null && sv.child() != null) {
            sv.child().unwatch();
        }
        ProcessTreeStopper.Result r = p.stopper.stop(h, p.grace());
        p.log().info("Stopped AllTalk (pid {}) on request: {} processes, {} forced, left {}, took {} ms", h.pid(),
                r.processes(), r.forced(), r.left(), r.took().toMillis());
        p.pidFile.delete();
        p.lock.release();
        Notice n;
        if (!r.clean()) {
            n = p.messages.error("stop.left", r.left());
        } else if (r.forced() > 0) {
            n = p.messages.warning("stop.done.forced", PlainAmounts.count(r.processes(), "process", "processes"),
                    PlainAmounts.count(r.forced(), "process", "processes"), PlainAmounts.duration(p.grace()));
        } else {
            n = p.messages.info("stop.done", PlainAmounts.count(r.processes(), "process", "processes"),
                    PlainAmounts.duration(r.took()));
        }
        p.board.enter(Phase.STOPPED, mode, null, address, n, to);
        return n.text() + (r.clean() ? " " + p.messages.text("stopped") : "");
    }

    /** The top process of the AllTalk that detection finds, when TalkHost looks after none. */
    private Optional<ProcessHandle> findRunning() {
        try {
            Detection d = p.detector.detect(NoticeListener.NONE);
            return d.chosenProcess().flatMap(sp -> ProcessHandle.of(Adopter.root(sp, d.processes())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
