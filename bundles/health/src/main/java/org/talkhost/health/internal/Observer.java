package org.talkhost.health.internal;

import java.time.Clock;
import java.util.function.LongPredicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.config.Mode;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;
import org.talkhost.health.internal.ProbeResult.Outcome;

/** Makes one check and gathers what the state machine needs: answer, generations in flight, Supervisor, limits. */
final class Observer {
    private static final Logger LOG = LoggerFactory.getLogger(Observer.class);

    static final String BLOCKED = "blocked";

    private final AllTalkClient client;
    private final Clock clock;
    private final ReadyProbe probe;
    private final DeepCheck deep;
    private final LongPredicate alive;

    Observer(AllTalkClient client, Clock clock) {
        this(client, clock, Observer::processAlive);
    }

    /** {@code alive} tells whether a process id still names a running process. */
    Observer(AllTalkClient client, Clock clock, LongPredicate alive) {
        this.client = client;
        this.clock = clock;
        this.alive = alive;
        this.probe = new ReadyProbe(client, clock);
        this.deep = new DeepCheck(client);
    }

    Observation observe(Supervisor sup, HealthSettings s, boolean mayRunDeepCheck) {
        RunState run = runState(sup);
        int before = inFlight();
        ProbeResult result = probe.check(s.timeout());
        int inFlight = Math.max(before, inFlight());
        Problem problem = null;
        if (result.outcome() == Outcome.READY && inFlight == 0) {
            problem = ResourceLimits.check(sup, s);
            Problem deepProblem =
                    mayRunDeepCheck ? deep.maybeRun(s.deepCheckEvery(), inFlight(), clock.instant()) : null;
            problem = problem != null ? problem : deepProblem;
        }
        RecoveryKind recovery = recovery(sup, run);
        if (recovery == RecoveryKind.BLOCKED && !result.answered()) {
            problem = new Problem(BLOCKED, why(run), 0);
        }
        boolean gone = !result.answered() && adoptedPid(run) > 0 && !alive.test(run.pid());
        return new Observation(
                result, inFlight, run == null ? null : run.phase(), recovery, problem, clock.instant(), gone);
    }

    /** The process id of an AllTalk this TalkHost adopted (found running, did not start), else 0. */
    static long adoptedPid(RunState run) {
        if (run == null
                || run.startedByUs()
                || run.pid() <= 0
                || run.phase() == Phase.STOPPED
                || run.phase() == Phase.STOPPING
                || run.phase() == Phase.FAILED) {
            return 0;
        }
        return run.pid();
    }

    /** The adopted AllTalk's pid when its process has ended; 0 while it runs (or none is adopted). */
    long adoptedPidGone(Supervisor sup) {
        long pid = adoptedPid(runState(sup));
        return pid > 0 && !alive.test(pid) ? pid : 0;
    }

    /** The Supervisor is restarting AllTalk after an unexpected stop (not a start or a restart someone asked for). */
    boolean restartingAfterCrash(Supervisor sup) {
        RunState run = runState(sup);
        return run != null && run.phase() == Phase.RESTARTING;
    }

    static boolean processAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** What the Supervisor would do about an AllTalk found down. */
    static RecoveryKind recovery(Supervisor sup, RunState run) {
        if (sup == null || run == null) {
            return RecoveryKind.WATCH;
        }
        if (run.phase() == Phase.STOPPED || run.phase() == Phase.STOPPING) {
            return RecoveryKind.STOPPED;
        }
        if (run.phase() == Phase.FAILED) {
            return RecoveryKind.BLOCKED;
        }
        boolean ours = run.startedByUs() && (run.mode() == Mode.MANAGED || run.mode() == Mode.STANDIN);
        return ours ? RecoveryKind.RESTART : RecoveryKind.RECONNECT;
    }

    /** The Supervisor's reason and fix, else its explanation. */
    private static String why(RunState run) {
        String reason = (run.reason() + " " + run.fix()).trim();
        return reason.isEmpty() ? run.explanation() : reason;
    }

    String address() {
        try {
            return String.valueOf(client.target());
        } catch (RuntimeException e) {
            return "the configured address";
        }
    }

    private static RunState runState(Supervisor sup) {
        try {
            return sup == null ? null : sup.state();
        } catch (RuntimeException e) {
            LOG.debug("The Supervisor could not tell its state", e);
            return null;
        }
    }

    private int inFlight() {
        try {
            return client.inFlight();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
