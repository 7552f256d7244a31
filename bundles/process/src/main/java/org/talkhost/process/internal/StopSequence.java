package org.talkhost.process.internal;

import static org.talkhost.process.internal.ProcessCatalog.TEXT;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.talkhost.api.config.Mode;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.AllTalkDetector;
import org.talkhost.api.detection.Detection;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.Phase;

/**
 * The user asked to stop AllTalk, whoever started it: the whole process tree of the AllTalk TalkHost
 * looks after, or else of the one detection finds. Runs on the Supervisor's worker thread.
 */
final class StopSequence {
    private final StateAnnouncer state;
    private final OwnServer own;
    private final Timings timings;
    private final AllTalkDetector detector;
    private final Supplier<OperationsLog> log;

    StopSequence(
            StateAnnouncer state,
            OwnServer own,
            Timings timings,
            AllTalkDetector detector,
            Supplier<OperationsLog> log) {
        this.state = state;
        this.own = own;
        this.timings = timings;
        this.detector = detector;
        this.log = log;
    }

    String run(NoticeListener listener, Mode mode) {
        List<NoticeListener> to = List.of(listener);
        Supervised sv = state.server();
        ServerAddress address = sv != null ? sv.address() : state.state().address();
        if (mode == Mode.EXTERNAL && address != null && !address.onThisMachine()) {
            state.server(null);
            Notice n = TEXT.info("external.remote.stop", address);
            state.enter(Phase.STOPPED, mode, null, address, n, to);
            return n.text();
        }
        Optional<ProcessHandle> root =
                sv != null && sv.child() != null ? Optional.of(sv.child().handle()) : Optional.empty();
        if (root.isEmpty()) {
            root = findRunning();
        }
        root = root.filter(Liveness::running);
        state.server(null);
        if (root.isEmpty()) {
            String key = sv != null && sv.mode() == Mode.EXTERNAL
                    ? "external.nostop"
                    : sv != null ? "stop.noprocess" : "stop.nothing";
            String text = TEXT.text(key, address);
            state.enter(Phase.STOPPED, mode, null, address, Notice.info("process", key, text), to);
            return text;
        }
        ProcessHandle h = root.get();
        long helpers = h.descendants().filter(Liveness::running).count();
        String others = helpers == 0
                ? ""
                : TEXT.text("stop.helpers", PlainAmounts.count(helpers, "helper process", "helper processes"));
        state.enter(
                Phase.STOPPING,
                mode,
                sv,
                address,
                TEXT.info("stop.begin", h.pid(), others, PlainAmounts.duration(timings.grace())),
                to);
        if (sv != null && sv.child() != null) {
            sv.child().unwatch();
        }
        ProcessTreeStopper.Result r = own.stop(h);
        log.get()
                .info(
                        "Stopped AllTalk (pid {}) on request: {} processes, {} forced, left {}, took {} ms",
                        h.pid(),
                        r.processes(),
                        r.forced(),
                        r.left(),
                        r.took().toMillis());
        own.forget();
        Notice n;
        if (!r.clean()) {
            n = TEXT.error("stop.left", r.left());
        } else if (r.forced() > 0) {
            n = TEXT.warning(
                    "stop.done.forced",
                    PlainAmounts.count(r.processes(), "process", "processes"),
                    PlainAmounts.count(r.forced(), "process", "processes"),
                    PlainAmounts.duration(timings.grace()));
        } else {
            n = TEXT.info(
                    "stop.done",
                    PlainAmounts.count(r.processes(), "process", "processes"),
                    PlainAmounts.duration(r.took()));
        }
        state.enter(Phase.STOPPED, mode, null, address, n, to);
        return n.text() + (r.clean() ? " " + TEXT.text("stopped") : "");
    }

    /** The top process of the AllTalk that detection finds, when TalkHost looks after none. */
    private Optional<ProcessHandle> findRunning() {
        try {
            Detection d = detector.detect(NoticeListener.NONE);
            return d.chosenProcess().flatMap(sp -> ProcessHandle.of(Adopter.root(sp, d.processes())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
