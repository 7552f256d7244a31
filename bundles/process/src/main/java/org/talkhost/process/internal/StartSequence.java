package org.talkhost.process.internal;

import static org.talkhost.process.internal.ProcessCatalog.TEXT;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.Mode;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.AllTalkDetector;
import org.talkhost.api.detection.Conclusion;
import org.talkhost.api.detection.Detection;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;
import org.talkhost.common.Notices;

/**
 * One start: detect, adopt a running AllTalk (never start a second), else (not in external mode) take
 * the instance lock, choose and persist the port, ask the doctor, check the port again, launch, and
 * wait for ready. Runs on the Supervisor's worker thread.
 */
final class StartSequence {
    private final StateAnnouncer state;
    private final OwnServer own;
    private final Timings timings;
    private final AllTalkDetector detector;
    private final AllTalkClient client;
    private final Supplier<AllTalkSettings> settings;
    private final Path startLocks;
    private final Supplier<OperationsLog> log;
    private final Adopter adopter;
    private final Preparation prep;
    private final Consumer<Supervised> onReady;
    private final LaunchOutcome outcome;

    /**
     * {@code startLocks} is the folder of the machine-wide start locks; {@code onReady} hears each server
     * that became ready (to watch it).
     */
    StartSequence(
            StateAnnouncer state,
            OwnServer own,
            Timings timings,
            AllTalkDetector detector,
            AllTalkClient client,
            Supplier<AllTalkSettings> settings,
            Path startLocks,
            Supplier<OperationsLog> log,
            Supplier<Metrics> metrics,
            Preparation prep,
            Consumer<Supervised> onReady) {
        this.state = state;
        this.own = own;
        this.timings = timings;
        this.detector = detector;
        this.client = client;
        this.settings = settings;
        this.startLocks = startLocks;
        this.log = log;
        this.adopter = new Adopter(own, log);
        this.prep = prep;
        this.onReady = onReady;
        this.outcome = new LaunchOutcome(state, own, timings, log, metrics, this);
    }

    /**
     * Set by the Supervisor: blocks while TalkHost itself is still starting, until the framework is up or the
     * given condition (the attempt is cancelled) holds.
     */
    private volatile Consumer<BooleanSupplier> untilHostUp = cancelled -> {};

    void waitForHost(Consumer<BooleanSupplier> wait) {
        this.untilHostUp = wait;
    }

    RunState run(Attempt a) {
        AllTalkSettings s = settings.get();
        Mode mode;
        try {
            mode = Mode.of(s);
        } catch (IllegalArgumentException e) {
            return fail(a, Mode.STANDIN, null, "config.mode", e.getMessage(), false);
        }
        // Detecting from now on, also while TalkHost itself finishes starting: health, which may find the AllTalk
        // first, then leaves it to this start to say what runs. Detection says "Checking if AllTalk is already
        // running..." itself: the Supervisor does not say it again.
        state.enterQuietly(Phase.DETECTING, mode, TEXT.info("detect.start"));
        untilHostUp.accept(a::cancelled);
        if (a.cancelled()) {
            return state.state();
        }
        if (mode == Mode.EXTERNAL) {
            return detectThenStart(a, mode, s);
        }
        StartLock machine = StartLock.of(startLocks, s);
        if (!machine.tryNow()) {
            state.enter(Phase.DETECTING, mode, null, null, TEXT.info("lock.machine.wait"), a.listeners);
            log.get().info("Another TalkHost on this computer holds {}; waiting for its start to end", machine.file());
            if (!machine.acquire(timings.readyTimeout().plusSeconds(30), a::cancelled)) {
                log.get()
                        .warning(
                                "Waited {} for {} in vain; looking for AllTalk anyway",
                                timings.readyTimeout(),
                                machine.file());
            }
            state.enterQuietly(Phase.DETECTING, mode, TEXT.info("detect.start")); // no longer waiting for the lock
        }
        try {
            return detectThenStart(a, mode, s);
        } finally {
            machine.release();
        }
    }

    /** Detect, adopt what runs, else start one (or, external, wait for one); the state is DETECTING already. */
    private RunState detectThenStart(Attempt a, Mode mode, AllTalkSettings s) {
        Detection d = detect(a, true);
        if (a.cancelled()) {
            return state.state();
        }
        Optional<Adopter.Adoption> found = adopter.adopt(d, mode, s);
        if (found.isPresent()) {
            return adopted(a, found.get(), mode, s, true);
        }
        if (mode == Mode.EXTERNAL) {
            return new ExternalWait(state, timings, client, detector, log, this).run(a, s);
        }
        return startOwn(a, mode, s);
    }

    Detection detect(Attempt a, boolean tell) {
        NoticeListener forward = n -> Notices.tell(a.listeners, n);
        try {
            return detector.detect(tell ? forward : NoticeListener.NONE);
        } catch (RuntimeException e) {
            state.say(TEXT.warning("detect.failed", String.valueOf(e.getMessage())), a.listeners);
            return new Detection(List.of(), List.of(), Conclusion.NONE, Optional.empty(), "", Duration.ZERO);
        }
    }

    RunState adopted(Attempt a, Adopter.Adoption adoption, Mode mode, AllTalkSettings s, boolean mayStart) {
        Supervised sv = adoption.server();
        if (!sv.startedByUs()) {
            own.lock().release();
        }
        state.server(sv);
        client.target(sv.address());
        if (sv.child() != null) {
            own.watch(sv.child());
        }
        log.get()
                .info(
                        "Adopted {} on {} (pid {}, started by this TalkHost: {}, detection: {})",
                        sv.words(),
                        sv.address(),
                        sv.pid(),
                        sv.startedByUs(),
                        adoption.conclusion());
        String pid = sv.pid() > 0 ? TEXT.text("adopt.pid", sv.pid()) : "";
        String others = sv.startedByUs() ? "" : " " + TEXT.text("adopt.others");
        if (adoption.conclusion() == Conclusion.DUPLICATE) {
            state.say(TEXT.warning("adopt.duplicate", sv.address()), a.listeners);
        }
        if (adoption.conclusion() == Conclusion.READY && !sv.address().onThisMachine()) {
            return ready(a, sv, mode, TEXT.info("adopt.remote", sv.words(), sv.address()));
        }
        if (adoption.conclusion() == Conclusion.READY || adoption.conclusion() == Conclusion.DUPLICATE) {
            String key = sv.startedByUs() ? "adopt.ready.ours" : "adopt.ready";
            return ready(a, sv, mode, info(key, TEXT.text(key, sv.words(), sv.address(), pid) + others));
        }
        String key = adoption.conclusion() == Conclusion.UNRESPONSIVE ? "adopt.unresponsive" : "adopt.loading";
        String text = TEXT.text(key, sv.words(), sv.address(), pid, PlainAmounts.duration(timings.readyTimeout()));
        state.enter(Phase.STARTING, mode, sv, null, info(key, text + others), a.listeners);
        ReadyWaiter.Outcome o =
                timings.waiter(client).await(target(sv, estimate(sv.kind(), mode, "")), say(a), a::cancelled);
        switch (o.result()) {
            case READY:
                return ready(a, sv, mode, TEXT.info("ready.adopted", sv.words(), sv.address()));
            case CANCELLED:
                return state.state();
            case EXITED:
                outcome.release(sv);
                log.get()
                        .warning(
                                "The adopted {} on {} stopped while loading (exit code {})",
                                sv.words(),
                                sv.address(),
                                o.exitCode());
                if (mayStart && mode != Mode.EXTERNAL) {
                    state.say(TEXT.warning("adopt.gone.waiting", sv.address()), a.listeners);
                    return startOwn(a, mode, s);
                }
                return fail(
                        a,
                        mode,
                        sv.address(),
                        "adopt.gone.waiting",
                        TEXT.text("adopt.gone.waiting", sv.address()),
                        true);
            default:
                if (sv.startedByUs() && sv.child() != null) {
                    own.stop(sv.child().handle());
                    outcome.release(sv);
                    return fail(
                            a,
                            mode,
                            sv.address(),
                            "fail.timeout",
                            TEXT.text(
                                    "fail.timeout",
                                    sv.words(),
                                    PlainAmounts.duration(o.took()),
                                    outcome.unloaded(o),
                                    own.launcher().log().file()),
                            true);
                }
                state.server(null);
                return fail(
                        a,
                        mode,
                        sv.address(),
                        "fail.timeout.adopted",
                        TEXT.text(
                                "fail.timeout.adopted",
                                sv.words(),
                                sv.address(),
                                PlainAmounts.duration(timings.readyTimeout())),
                        false);
        }
    }

    /**
     * Starts one; when another server takes the port meanwhile, adopts it if it is an AllTalk, else (a foreign
     * program) starts once more on the next free port.
     */
    private RunState startOwn(Attempt a, Mode mode, AllTalkSettings s) {
        for (int round = 0; ; round++) {
            a.lostPort = null;
            a.appeared = false;
            a.lastRound = round >= 1;
            RunState r = launch(a, mode, s);
            Supervised lost = a.lostPort;
            if (lost == null && !a.appeared) {
                return r;
            }
            PortLost portLost = new PortLost(state, own, log, this, adopter);
            Optional<Adopter.Adoption> other =
                    lost != null ? portLost.takeOver(a, lost, mode, s) : portLost.find(a, mode, s, 0);
            if (other.isPresent()) {
                if (lost != null) {
                    state.say(TEXT.info("port.lost.adopt", lost.address(), lost.words()), a.listeners);
                }
                return adopted(a, other.get(), mode, s, false);
            }
            if (a.cancelled()) {
                return state.state();
            }
            ServerAddress where = lost != null ? lost.address() : new ServerAddress(s.host(), Adopter.fallbackPort(s));
            if (round >= 1) {
                return fail(a, mode, where, "port.lost.again", TEXT.text("port.lost.again", where), true);
            }
            if (lost != null) {
                state.say(TEXT.info("port.lost.foreign", where), a.listeners);
            }
        }
    }

    private RunState launch(Attempt a, Mode mode, AllTalkSettings s) {
        if (!own.lock().acquire(timings.lockWait(), a::cancelled)) {
            Optional<Adopter.Adoption> other =
                    new OtherTalkHost(state, own, timings, log, this, adopter).await(a, mode, s);
            if (other.isPresent()) {
                return adopted(a, other.get(), mode, s, false);
            }
            if (!own.lock().held()) {
                return a.cancelled()
                        ? state.state()
                        : fail(
                                a,
                                mode,
                                null,
                                "lock.gaveup",
                                TEXT.text("lock.gaveup", PlainAmounts.duration(timings.readyTimeout())),
                                true);
            }
        }
        boolean keepLock = false;
        try {
            Preparation.Ready ready = prep.prepare(a, mode, s);
            if (Preparation.APPEARED.equals(ready.problemKey())) {
                log.get().info("An AllTalk appeared on a candidate port after detection: {}", ready.problem());
                a.appeared = true;
                return state.state();
            }
            if (ready.problem() != null) {
                return fail(
                        a,
                        mode,
                        null,
                        ready.problemKey(),
                        ready.problem(),
                        ready.reason(),
                        ready.fix(),
                        ready.retryable());
            }
            LaunchPlan plan = ready.plan();
            ChildProcess child = own.launcher().start(plan);
            child.output().onFinding(f -> outcome.warnLive(f, a.listeners));
            own.watch(child);
            ServerAddress address = ready.address();
            Supervised sv = new Supervised(mode, address, plan.kind(), child, true);
            state.server(sv);
            try {
                own.pidFile().write(new PidFile.Entry(child.pid(), child.started(), address, mode, plan.kind()));
            } catch (IOException e) {
                log.get()
                        .warning(
                                "Could not write {}: {} (a restarted TalkHost will not know it started this AllTalk)",
                                own.pidFile().path(),
                                e.toString());
            }
            client.target(address);
            Duration estimate = estimate(plan.kind(), mode, plan.timingKey());
            Notice n = mode == Mode.STANDIN
                    ? TEXT.info("start.standin", address.port(), PlainAmounts.duration(estimate))
                    : TEXT.info(
                            "start.managed",
                            plan.words(),
                            plan.workingDir(),
                            address.port(),
                            PlainAmounts.duration(estimate));
            state.enter(Phase.STARTING, mode, sv, null, n, a.listeners);
            log.get()
                    .info(
                            "Started {} with pid {} on port {}: {}",
                            plan.words(),
                            child.pid(),
                            address.port(),
                            String.join(" ", plan.command()));
            ReadyWaiter.Target mine = target(sv, estimate);
            ReadyWaiter.Outcome o = timings.waiter(client)
                    .await(
                            new ReadyWaiter.Target(
                                    mine.address(), mine.child(), mine.timeout(), mine.estimate(), mine.words(), true),
                            say(a),
                            a::cancelled);
            if (!a.lastRound
                    && (o.result() == ReadyWaiter.Result.TAKEN
                            || o.result() == ReadyWaiter.Result.EXITED
                                    && child.output().findings().stream()
                                            .anyMatch(f -> f.key().equals("output.port")))) {
                log.get()
                        .warning(
                                "Another server took {} while {} (pid {}) was starting: {}",
                                address,
                                plan.words(),
                                child.pid(),
                                o.result() == ReadyWaiter.Result.TAKEN
                                        ? "it answers Ready there"
                                        : "ours could not bind it");
                a.lostPort = sv;
                return state.state();
            }
            keepLock = o.result() == ReadyWaiter.Result.READY || o.result() == ReadyWaiter.Result.CANCELLED;
            return outcome.finish(a, sv, plan, o);
        } catch (LaunchProblem e) {
            return fail(a, mode, null, "start.problem", e.getMessage(), false);
        } catch (IOException e) {
            log.get().error("Could not start AllTalk: {}", e.toString());
            state.server(null);
            own.pidFile().delete();
            return fail(a, mode, null, "start.failed", TEXT.text("start.failed", "AllTalk", e.getMessage()), false);
        } finally {
            if (!keepLock) {
                own.lock().release();
            }
        }
    }

    RunState ready(Attempt a, Supervised sv, Mode mode, Notice n) {
        client.target(sv.address());
        RunState st = state.enter(Phase.READY, mode, sv, null, n, a.listeners);
        timings.policy().ready();
        onReady.accept(sv);
        return st;
    }

    RunState fail(Attempt a, Mode mode, ServerAddress address, String key, String text, boolean retryable) {
        return fail(a, mode, address, key, text, text, "", retryable);
    }

    /** FAILED, saying {@code text}; the state carries {@code reason} and {@code fix} for every other voice. */
    RunState fail(
            Attempt a,
            Mode mode,
            ServerAddress address,
            String key,
            String text,
            String reason,
            String fix,
            boolean retryable) {
        a.retryable = retryable;
        log.get().error("{}", text);
        return state.enter(
                Phase.FAILED, mode, null, address, Notice.error("process", key, text), reason, fix, a.listeners);
    }

    ReadyWaiter.Target target(Supervised sv, Duration estimate) {
        return new ReadyWaiter.Target(sv.address(), sv.child(), timings.readyTimeout(), estimate, sv.words());
    }

    Consumer<Notice> say(Attempt a) {
        return n -> state.say(n, a.listeners);
    }

    /** Learned from earlier starts; else about 3 seconds for the stand-in and 30 for a real AllTalk. */
    Duration estimate(ServerKind kind, Mode mode, String key) {
        String k = key.isEmpty() ? (kind == ServerKind.STANDIN ? "standin-v2" : "managed-v2") : key;
        Duration fallback = kind == ServerKind.STANDIN || (key.isEmpty() && mode == Mode.STANDIN)
                ? Duration.ofSeconds(3)
                : Duration.ofSeconds(30);
        return own.startTimes().estimate(k).orElse(fallback);
    }

    private Notice info(String key, String text) {
        return Notice.info("process", key, text);
    }
}
