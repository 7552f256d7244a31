package org.talkhost.health.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.config.InstanceIdentity;
import org.talkhost.api.config.Instances;
import org.talkhost.api.health.HealthMonitor;
import org.talkhost.api.health.HealthState;
import org.talkhost.api.health.HealthStatus;
import org.talkhost.api.health.HealthTransition;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.Supervisor;
import org.talkhost.health.internal.HealthStateMachine.Step;

/**
 * Checks AllTalk periodically on its own thread, runs the state machine, tells everyone about each
 * change, and asks the Supervisor (when there is one) to recover AllTalk once per outage.
 */
@Component(
        service = HealthMonitor.class,
        immediate = true,
        configurationPid = {HealthConfig.PID, Instances.FACTORY_PID})
public final class HealthMonitorImpl implements HealthMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitorImpl.class);
    private static final Duration DEFAULT_RESTART = Duration.ofSeconds(20);
    /** How often an adopted AllTalk's process is looked at between checks (reads one /proc entry). */
    static final Duration PROCESS_WATCH = Duration.ofMillis(200);

    static final String METRIC = "health.check";

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Supervisor supervisor;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OperationsLog operations;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Metrics metrics;

    private final Clock clock;
    private final CheckScheduler scheduler;
    private final Observer observer;
    private final HealthNotices words = new HealthNotices();
    private final HealthHistory history;
    private final TransitionPublisher publisher;
    private final HealthStateMachine machine; // check thread only
    private volatile HealthSettings settings = HealthSettings.defaults();
    private volatile HealthStatus status;
    private volatile boolean active = true;
    private Instant restartAskedAt; // check thread only
    private Duration restartEstimate = DEFAULT_RESTART; // check thread only
    private long goneChecked; // check thread only: the ended process a check was already made for

    @Activate
    public HealthMonitorImpl(@Reference AllTalkClient client) {
        this(client, Clock.systemUTC(), new ExecutorCheckScheduler("talkhost-health"));
    }

    HealthMonitorImpl(AllTalkClient client, Clock clock, CheckScheduler scheduler) {
        this(client, clock, scheduler, new Observer(client, clock));
    }

    HealthMonitorImpl(AllTalkClient client, Clock clock, CheckScheduler scheduler, Observer observer) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.observer = observer;
        this.history = new HealthHistory(settings.historySize());
        this.publisher = new TransitionPublisher(
                history, () -> events, () -> operations == null ? OperationsLog.NONE : operations);
        this.machine = new HealthStateMachine(settings, clock.instant());
        this.status = new HealthStatus(HealthState.UNKNOWN, clock.instant(), null, 0, words.waiting());
        scheduler.every(this::watchProcess, PROCESS_WATCH);
    }

    @Activate
    @Modified
    void configure(HealthConfig config, InstanceIdentity instance) {
        publisher.instance(instance.talkhost_instance());
        apply(HealthSettings.from(config));
    }

    /** Takes new settings and checks at once; later checks follow the new interval. */
    void apply(HealthSettings s) {
        settings = s;
        history.resize(s.historySize());
        LOG.info(
                "Health checks every {} s (timeout {} ms, down after {} failed checks)",
                s.interval().toSeconds(),
                s.timeout().toMillis(),
                s.failuresBeforeDown());
        scheduler.schedule(this::tick, Duration.ZERO);
    }

    @Deactivate
    void stop() {
        active = false;
        scheduler.shutdown();
    }

    @Override
    public HealthStatus current() {
        return status;
    }

    @Override
    public List<HealthTransition> history() {
        return history.list();
    }

    @Override
    public HealthStatus checkNow() {
        if (!active) {
            return status;
        }
        try {
            return scheduler.call(
                    () -> {
                        check(false);
                        return status;
                    },
                    settings.timeout().plusSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            LOG.warn("A health check on request did not finish in time (the check thread is busy); returning the "
                    + "last known health");
        } catch (ExecutionException e) {
            LOG.warn("A health check on request failed; returning the last known health", e.getCause());
        } catch (Exception e) {
            LOG.warn("A health check on request failed", e);
        }
        return status;
    }

    /** A periodic check; the next one starts its interval after this one started (fixed rate). */
    private void tick() {
        Instant start = clock.instant();
        Duration next = settings.interval();
        try {
            next = check(true).nextDelay();
        } catch (RuntimeException e) {
            LOG.error("A health check failed unexpectedly; checking again in {} s", next.toSeconds(), e);
        }
        Duration delay = next.minus(Duration.between(start, clock.instant()));
        if (active) {
            scheduler.schedule(this::tick, delay.isNegative() ? Duration.ZERO : delay);
        }
    }

    /**
     * Between checks: when the process of an adopted AllTalk has ended, check at once (a refused connection then
     * means down without waiting for more checks) instead of at the next interval. A hang, where the process is
     * still there, keeps the slower rule of N failed checks.
     */
    private void watchProcess() {
        try {
            if (!active) {
                return;
            }
            long gone = observer.adoptedPidGone(supervisor);
            if (gone > 0 && gone != goneChecked) {
                goneChecked = gone;
                LOG.info("The process of the adopted AllTalk (pid {}) has ended; checking it now", gone);
                tick();
            } else if (observer.restartingAfterCrash(supervisor)
                    && machine.state() != HealthState.DOWN
                    && machine.state() != HealthState.RECONNECTING
                    && machine.state() != HealthState.STARTING) {
                LOG.info("The Supervisor is restarting AllTalk after it stopped; checking it now");
                tick();
            }
        } catch (RuntimeException e) {
            LOG.warn("Looking at the adopted AllTalk's process failed; the periodic checks go on", e);
        }
    }

    /** One check, on the check thread. */
    Step check(boolean mayRunDeepCheck) {
        HealthSettings s = settings;
        machine.settings(s);
        Supervisor sup = supervisor;
        Observation o = observer.observe(sup, s, mayRunDeepCheck);
        ProbeResult result = o.result();
        Step step = machine.observe(o);
        record(result);
        Change c = step.change();
        if (c == null) {
            status = new HealthStatus(
                    step.state(), step.since(), result.latency(), step.failures(), status.explanation());
            if (!result.answered() && step.state() != HealthState.BUSY) {
                LOG.info(
                        "AllTalk did not answer a health check ({} failed in a row, down after {}): {} {}",
                        step.failures(),
                        s.failuresBeforeDown(),
                        result.message(),
                        result.detail());
            }
        } else {
            announce(c, s, step, result, o.phase());
        }
        if (step.recoverNow()) {
            askRecovery(sup, o.recovery(), c == null ? "AllTalk stopped answering" : words.reason(c, context(s)));
        }
        return step;
    }

    /** The new status first (a listener may ask for it), then history, events, notice and logs. */
    private void announce(Change c, HealthSettings s, Step step, ProbeResult result, Phase phase) {
        if (c.to() == HealthState.READY && restartAskedAt != null) {
            Duration took = Duration.between(restartAskedAt, c.time());
            restartEstimate = took.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : took;
        }
        if (c.to() == HealthState.READY || c.to() == HealthState.DEGRADED) {
            restartAskedAt = null;
        }
        HealthNotices.Context ctx = context(s);
        Notice notice = words.notice(c, ctx);
        status = new HealthStatus(step.state(), step.since(), result.latency(), step.failures(), notice.text());
        publisher.publish(c, words.reason(c, ctx), notice, phase);
    }

    private void askRecovery(Supervisor sup, RecoveryKind recovery, String reason) {
        if (recovery == RecoveryKind.RESTART) {
            restartAskedAt = clock.instant();
        }
        try {
            LOG.info(
                    "Asking the Supervisor to {} AllTalk: {}",
                    recovery == RecoveryKind.RESTART ? "restart" : "reconnect to",
                    reason);
            sup.recover(reason);
        } catch (RuntimeException e) {
            LOG.warn("The Supervisor could not take the request to recover AllTalk", e);
        }
    }

    private HealthNotices.Context context(HealthSettings s) {
        return new HealthNotices.Context(s, observer.address(), restartEstimate);
    }

    private void record(ProbeResult result) {
        Metrics m = metrics;
        try {
            (m == null ? Metrics.NONE : m).record(METRIC, result.latency(), result.answered());
        } catch (RuntimeException e) {
            LOG.debug("Metrics refused a figure", e);
        }
    }
}
