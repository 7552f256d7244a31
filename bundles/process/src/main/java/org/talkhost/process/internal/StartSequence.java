package org.talkhost.process.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.Mode;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.Conclusion;
import org.talkhost.api.detection.Detection;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;

/**
 * One start: detect, adopt a running AllTalk (never start a second), else (not in external mode) take
 * the instance lock, choose and persist the port, ask the doctor, check the port again, launch, and
 * wait for ready. Runs on the Supervisor's worker thread.
 */
final class StartSequence {
    private final Parts p;
    private final Adopter adopter;
    private final Preparation prep;
    private final Consumer<Supervised> onReady;
    private final LaunchOutcome outcome;

    StartSequence(Parts parts, Consumer<Supervised> onReady) {
        this.p = parts;
        this.adopter = new Adopter(parts);
        this.prep = new Preparation(parts);
        this.onReady = onReady;
        this.outcome = new LaunchOutcome(parts, this);
    }

    RunState run(Attempt a) {
        AllTalkSettings s = p.settings.get();
        Mode mode;
        try {
            mode = Mode.of(s);
        } catch (IllegalArgumentException e) {
            return fail(a, Mode.STANDIN, null, "config.mode", e.getMessage(), false);
        }
        if (mode == Mode.EXTERNAL) {
            return detectThenStart(a, mode, s);
        }
        StartLock machine = StartLock.of(p.files.startLocks(), s);
        if (!machine.tryNow()) {
            p.board.enter(Phase.DETECTING, mode, null, null, p.messages.info("lock.machine.wait"), a.listeners);
            p.log().info("Another TalkHost on this computer holds {}; waiting for its start to end", machine.file());
            if (!machine.acquire(p.readyTimeout().plusSeconds(30), a::cancelled)) {
                p.log().warning("Waited {} for {} in vain; looking for AllTalk anyway", p.readyTimeout(), machine.file());
            }
        }
        try {
            return detectThenStart(a, mode, s);
        } finally {
            machine.release();
        }
    }

    /** Detect, adopt what runs, else start one (or, external, wait for one). */
    private RunState detectThenStart(Attempt a, Mode mode, AllTalkSettings s) {
        p.board.enter(Phase.DETECTING, mode, null, null, p.messages.info("detect.start"), a.listeners);
        Detection d = detect(a, true);
        if (a.cancelled()) {
            return p.board.state();
        }
        Optional<Adopter.Adoption> found = adopter.adopt(d, mode, s);
        if (found.isPresent()) {
            return adopted(a, found.get(), mode, s, true);
        }
        if (mode == Mode.EXTERNAL) {
            return new ExternalWait(p, this).run(a, s);
        }
        return startOwn(a, mode, s);
    }

    Detection detect(Attempt a, boolean tell) {
        NoticeListener forward = n -> a.listeners.forEach(l -> {
            try {
                l.accept(n);
            } catch (RuntimeException e) {
                // a bad listener must not break the start
            }
        });
        try {
            return p.detector.detect(tell ? forward : NoticeListener.NONE);
        } catch (RuntimeException e) {
            p.board.say(p.messages.warning("detect.failed", String.valueOf(e.getMessage())), a.listeners);
            return new Detection(List.of(), List.of(), Conclusion.NONE, Optional.empty(), "", Duration.ZERO);
        }
    }

    RunState adopted(Attempt a, Adopter.Adoption adoption, Mode mode, AllTalkSettings s, boolean mayStart) {
        Supervised sv = adoption.server();
        if (!sv.startedByUs()) {
            p.lock.release();
        }
        p.board.server(sv);
        p.client.target(sv.address());
        if (sv.child() != null) {
            sv.child().watch(p.watcher, Duration.ofMillis(100), p.launcher.log()::rotateIfBig);
        }
        p.log().info("Adopted {} on {} (pid {}, started by this TalkHost: {}, detection: {})", sv.words(),
                sv.address(), sv.pid(), sv.startedByUs(), adoption.conclusion());
        String pid = sv.pid() > 0 ? p.messages.text("adopt.pid", sv.pid()) : "";
        String others = sv.startedByUs() ? "" : " " + p.messages.text("adopt.others");
        if (adoption.conclusion() == Conclusion.DUPLICATE) {
            p.board.say(p.messages.warning("adopt.duplicate", sv.address()), a.listeners);
        }
        if (adoption.conclusion() == Conclusion.READY || adoption.conclusion() == Conclusion.DUPLICATE) {
            String key = sv.startedByUs() ? "adopt.ready.ours" : "adopt.ready";
            return ready(a, sv, mode, info(key, p.messages.text(key, sv.words(), sv.address(), pid) + others));
        }
        String key = adoption.conclusion() == Conclusion.UNRESPONSIVE ? "adopt.unresponsive" : "adopt.loading";
        String text = p.messages.text(key, sv.words(), sv.address(), pid, PlainAmounts.duration(p.readyTimeout()));
        p.board.enter(Phase.STARTING, mode, sv, null, info(key, text + others), a.listeners);
        ReadyWaiter.Outcome o = p.waiter().await(target(sv, estimate(sv.kind(), mode, "")), say(a), a::cancelled);
        switch (o.result()) {
        case READY:
            return ready(a, sv, mode, p.messages.info("ready.adopted", sv.words(), sv.address()));
        case CANCELLED:
            return p.board.state();
        case EXITED:
            outcome.release(sv);
            p.log().warning("The adopted {} on {} stopped while loading (exit code {})", sv.words(), sv.address(),
                    o.exitCode());
            if (mayStart && mode != Mode.EXTERNAL) {
                p.board.say(p.messages.warning("adopt.gone.waiting", sv.address()), a.listeners);
                return startOwn(a, mode, s);
            }
            return fail(a, mode, sv.address(), "adopt.gone.waiting",
                    p.messages.text("adopt.gone.waiting", sv.address()), true);
        default:
            if (sv.startedByUs() && sv.child() != null) {
                p.stopper.stop(sv.child().handle(), p.grace());
                outcome.release(sv);
                return fail(a, mode, sv.address(), "fail.timeout", p.messages.text("fail.timeout", sv.words(),
                        PlainAmounts.duration(o.took()), outcome.unloaded(o), p.launcher.log().file()), true);
            }
            p.board.server(null);
            return fail(a, mode, sv.address(), "fail.timeout.adopted", p.messages.text("fail.timeout.adopted",
                    sv.words(), sv.address(), PlainAmounts.duration(p.readyTimeout())), false);
        }
    }

    /**
     * Starts one; when another server takes the port meanwhile, adopts it if it is an AllTalk, else (a foreign
     * program) starts once more on the next free port.
     */
    private RunState startOwn(Attempt a, Mode mode, AllTalkSettings s) {
        for (int round = 0;; round++) {
            a.lostPort = null;
            a.appeared = false;
            a.lastRound = round >= 1;
            RunState r = launch(a, mode, s);
            Supervised lost = a.lostPort;
            if (lost == null && !a.appeared) {
                return r;
            }
            PortLost portLost = new PortLost(p, this, adopter);
            Optional<Adopter.Adoption> other = lost != null ? portLost.takeOver(a, lost, mode, s)
                    : portLost.find(a, mode, s, 0);
            if (other.isPresent()) {
                if (lost != null) {
                    p.board.say(p.messages.info("port.lost.adopt", lost.address(), lost.words()), a.listeners);
                }
                return adopted(a, other.get(), mode, s, false);
            }
            if (a.cancelled()) {
                return p.board.state();
            }
            ServerAddress where = lost != null ? lost.address() : new ServerAddress(s.host(), Adopter.fallbackPort(s));
            if (round >= 1) {
                return fail(a, mode, where, "port.lost.again", p.messages.text("port.lost.again", where), true);
            }
            if (lost != null) {
                p.board.say(p.messages.info("port.lost.foreign", where), a.listeners);
            }
        }
    }

    private RunState launch(Attempt a, Mode mode, AllTalkSettings s) {
        if (!p.lock.acquire(Duration.ofSeconds(Math.max(0, p.tuning.get().lockWaitSeconds())), a::cancelled)) {
            Optional<Adopter.Adoption> other = new OtherTalkHost(p, this, adopter).await(a, mode, s);
            if (other.isPresent()) {
                return adopted(a, other.get(), mode, s, false);
            }
            if (!p.lock.held()) {
                return a.cancelled() ? p.board.state() : fail(a, mode, null, "lock.gaveup",
                        p.messages.text("lock.gaveup", PlainAmounts.duration(p.readyTimeout())), true);
            }
        }
        boolean keepLock = false;
        try {
            Preparation.Ready ready = prep.prepare(a, mode, s);
            if (Preparation.APPEARED.equals(ready.problemKey())) {
                p.log().info("An AllTalk appeared on a candidate port after detection: {}", ready.problem());
                a.appeared = true;
                return p.board.state();
            }
            if (ready.problem() != null) {
                return fail(a, mode, null, ready.problemKey(), ready.problem(), ready.reason(), ready.fix(),
                        ready.retryable());
            }
            LaunchPlan plan = ready.plan();
            ChildProcess child = p.launcher.start(plan);
            child.output().onFinding(f -> outcome.warnLive(f, a.listeners));
            child.watch(p.watcher, Duration.ofMillis(100), p.launcher.log()::rotateIfBig);
            ServerAddress address = ready.address();
            Supervised sv = new Supervised(mode, address, plan.kind(), child, true);
            p.board.server(sv);
            try {
                p.pidFile.write(new PidFile.Entry(child.pid(), child.started(), address, mode, plan.kind()));
            } catch (IOException e) {
                p.log().warning("Could not write {}: {} (a restarted TalkHost will not know it started this AllTalk)",
                        p.pidFile.path(), e.toString());
            }
            p.client.target(address);
            Duration estimate = estimate(plan.kind(), mode, plan.timingKey());
            Notice n = mode == Mode.STANDIN
                    ? p.messages.info("start.standin", address.port(), PlainAmounts.duration(estimate))
                    : p.messages.info("start.managed", plan.words(), plan.workingDir(), address.port(),
                            PlainAmounts.duration(estimate));
            p.board.enter(Phase.STARTING, mode, sv, null, n, a.listeners);
            p.log().info("Started {} with pid {} on port {}: {}", plan.words(), child.pid(), address.port(),
                    String.join(" ", plan.command()));
            ReadyWaiter.Target own = target(sv, estimate);
            ReadyWaiter.Outcome o = p.waiter().await(new ReadyWaiter.Target(own.address(), own.child(),
                    own.timeout(), own.estimate(), own.words(), true), say(a), a::cancelled);
            if (!a.lastRound && (o.result() == ReadyWaiter.Result.TAKEN || o.result() == ReadyWaiter.Result.EXITED
                    && child.output().findings().stream().anyMatch(f -> f.key().equals("output.port")))) {
                p.log().warning("Another server took {} while {} (pid {}) was starting: {}", address, plan.words(),
                        child.pid(), o.result() == ReadyWaiter.Result.TAKEN ? "it answers Ready there"
                                : "ours could not bind it");
                a.lostPort = sv;
                return p.board.state();
            }
            keepLock = o.result() == ReadyWaiter.Result.READY || o.result() == ReadyWaiter.Result.CANCELLED;
            return outcome.finish(a, sv, plan, o);
        } catch (LaunchProblem e) {
            return fail(a, mode, null, "start.problem", e.getMessage(), false);
        } catch (IOException e) {
            p.log().error("Could not start AllTalk: {}", e.toString());
            p.board.server(null);
            p.pidFile.delete();
            return fail(a, mode, null, "start.failed", p.messages.text("start.failed", "AllTalk", e.getMessage()), false);
        } finally {
            if (!keepLock) {
                p.lock.release();
            }
        }
    }

    RunState ready(Attempt a, Supervised sv, Mode mode, Notice n) {
        p.client.target(sv.address());
        RunState st = p.board.enter(Phase.READY, mode, sv, null, n, a.listeners);
        p.policy().ready();
        onReady.accept(sv);
        return st;
    }

    RunState fail(Attempt a, Mode mode, ServerAddress address, String key, String text, boolean retryable) {
        return fail(a, mode, address, key, text, text, "", retryable);
    }

    /** FAILED, saying {@code text}; the state carries {@code reason} and {@code fix} for every other voice. */
    RunState fail(Attempt a, Mode mode, ServerAddress address, String key, String text, String reason, String fix,
            boolean retryable) {
        a.retryable = retryable;
        p.log().error("{}", text);
        return p.board.enter(Phase.FAILED, mode, null, address, Notice.error("process", key, text), reason, fix,
                a.listeners);
    }

    ReadyWaiter.Target target(Supervised sv, Duration estimate) {
        return new ReadyWaiter.Target(sv.address(), sv.child(), p.readyTimeout(), estimate, sv.words());
    }

    Consumer<Notice> say(Attempt a) {
        return n -> p.board.say(n, a.listeners);
    }

    /** Learned from earlier starts; else about 3 seconds for the stand-in and 30 for a real AllTalk. */
    Duration estimate(ServerKind kind, Mode mode, String key) {
        String k = key.isEmpty() ? (kind == ServerKind.STANDIN ? "standin-v2" : "managed-v2") : key;
        Duration fallback = kind == ServerKind.STANDIN || (key.isEmpty() && mode == Mode.STANDIN)
                ? Duration.ofSeconds(3) : Duration.ofSeconds(30);
        return p.startTimes.estimate(k).orElse(fallback);
    }

    private Notice info(String key, String text) {
        return Notice.info("process", key, text);
    }
}
