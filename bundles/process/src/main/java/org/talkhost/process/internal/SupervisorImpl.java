package org.talkhost.process.internal;

import static org.talkhost.process.internal.ProcessCatalog.TEXT;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
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
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.InstanceIdentity;
import org.talkhost.api.config.Instances;
import org.talkhost.api.config.Mode;
import org.talkhost.api.detection.AllTalkDetector;
import org.talkhost.api.environment.Doctor;
import org.talkhost.api.install.AllTalkInstall;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.ports.PortManager;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.ResourceUsage;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;
import org.talkhost.common.LaunchMode;
import org.talkhost.common.Threads;

/**
 * The Supervisor: brings AllTalk up by itself when activated, lets callers join the start in progress,
 * restarts it under the restart policy, and on deactivation either stops what it started (the framework
 * is stopping) or detaches so that the next Supervisor adopts the same server (a bundle swap).
 */
@Component(
        service = Supervisor.class,
        immediate = true,
        configurationPid = Instances.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class SupervisorImpl implements Supervisor {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisorImpl.class);
    /** ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED (that package is not on the class path). */
    static final int CONFIGURATION_DELETED = 4;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Doctor doctor;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OperationsLog operationsLog;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Metrics measured;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(Threads.named("talkhost-supervisor"));
    private final ScheduledExecutorService watcher =
            Executors.newScheduledThreadPool(2, Threads.named("talkhost-supervisor-watch"));
    private final StateAnnouncer state;
    private final Timings timings;
    private final OwnServer own;
    /** The operations log, its lines naming this instance when the host has several. */
    private final Supplier<OperationsLog> log;

    private final Supplier<Metrics> metrics = () -> measured == null ? Metrics.NONE : measured;
    private final StartSequence sequence;
    private final Recovery recovery;
    private final StopSequence stopping;
    private final ResourceWatch resources;
    private final Attempts attempts;
    private final Announcer announcer;
    private final BooleanSupplier frameworkStopping;
    private volatile AllTalkSettings settings;
    private volatile boolean userStopped;
    private volatile boolean closing;
    private volatile boolean leaving;
    /**
     * A one-shot run ({@code ./talkhost --exec CMD} with no TalkHost running): AllTalk is brought up only when the
     * command needs it ({@link #ensureRunning}: status, say, voices, start), not for a command that only looks
     * (lb, ports, doctor, config, log), which would otherwise start a server only to stop it a moment later.
     * Set before {@link #activate}.
     */
    boolean oneShot;

    @Activate
    public SupervisorImpl(
            @Reference AllTalkDetector detector,
            @Reference PortManager ports,
            @Reference AllTalkClient client,
            @Reference ProcessTuning tuning,
            BundleContext context,
            AllTalkSettings settings,
            InstanceIdentity instance) {
        this(
                detector,
                ports,
                client,
                tuning,
                settings,
                HostFiles.from(context).forInstance(instance.talkhost_instance()),
                System.getenv(),
                () -> frameworkStopping(context),
                Clock.systemUTC(),
                instance.talkhost_instance());
        sequence.waitForHost(cancelled -> untilFrameworkStarted(context, FRAMEWORK_START_WAIT, cancelled));
        oneShot = LaunchMode.oneShot(context);
    }

    SupervisorImpl(
            AllTalkDetector detector,
            PortManager ports,
            AllTalkClient client,
            ProcessTuning tuning,
            AllTalkSettings settings,
            HostFiles files,
            Map<String, String> env,
            BooleanSupplier frameworkStopping,
            Clock clock) {
        this(detector, ports, client, tuning, settings, files, env, frameworkStopping, clock, Instances.DEFAULT);
    }

    SupervisorImpl(
            AllTalkDetector detector,
            PortManager ports,
            AllTalkClient client,
            ProcessTuning tuning,
            AllTalkSettings settings,
            HostFiles files,
            Map<String, String> env,
            BooleanSupplier frameworkStopping,
            Clock clock,
            String instance) {
        this.log = () -> (operationsLog == null ? OperationsLog.NONE : operationsLog).about(instance);
        configure(settings);
        this.frameworkStopping = frameworkStopping;
        this.announcer = new Announcer(() -> events, instance);
        this.state = new StateAnnouncer(announcer, safeMode(settings), TEXT.text("stopped.initial"));
        ProcessSettings t = tuning.settings();
        RestartPolicy policy = new RestartPolicy(
                clock,
                t.maxStarts(),
                Duration.ofSeconds(t.startWindowSeconds()),
                Duration.ofSeconds(t.backoffMaxSeconds()),
                Duration.ofSeconds(t.healthyResetSeconds()));
        this.timings = new Timings(tuning::settings, () -> this.settings, policy);
        ServerLog serverLog = new ServerLog(files.serverLog(), t.logKeep(), t.logMaxMegabytes() * 1024L * 1024L);
        Launcher launcher = new Launcher(serverLog, new OutputScanner(TEXT, () -> install(this.settings)));
        this.own = new OwnServer(launcher, files, timings, watcher);
        Preparation prep = new Preparation(
                new CommandLineBuilder(files, env, TEXT),
                ports,
                () -> doctor,
                state,
                tuning::settings,
                files.standinDir(),
                log);
        this.attempts = new Attempts(worker, state::state);
        this.recovery = new Recovery(state, own, timings, client, log, metrics, attempts, () -> userStopped, worker);
        this.sequence = new StartSequence(
                state,
                own,
                timings,
                detector,
                client,
                () -> this.settings,
                files.startLocks(),
                log,
                metrics,
                prep,
                recovery::watch);
        String unexpected = TEXT.text("start.failed", "AllTalk", TEXT.text("start.unexpected"));
        attempts.wire(
                sequence::run,
                a -> sequence.fail(a, safeMode(this.settings), null, "start.failed", unexpected, false),
                recovery::retry);
        this.stopping = new StopSequence(state, own, timings, detector, log);
        this.resources = new ResourceWatch(
                state,
                tuning::settings,
                log,
                new ResourceSampler(new GpuMemory(env)),
                (reason, force) -> recover(reason, force));
    }

    /** After the optional references are bound: bring AllTalk up in the background. */
    @Activate
    void activate() {
        watcher.scheduleWithFixedDelay(resources::tick, 1, 1, TimeUnit.SECONDS);
        if (!oneShot) {
            attempts.begin(false, NoticeListener.NONE, Duration.ZERO);
        }
    }

    /**
     * A change of the configuration. An instance whose file was deleted is first told it is leaving: it stops
     * the server it started (as on a host shutdown) before its components go.
     */
    @Modified
    void modified(AllTalkSettings settings, InstanceIdentity instance) {
        configure(settings);
        if (instance.talkhost_leaving() && !leaving) {
            leaving = true;
            userStopped = true;
            attempts.cancel();
            Supervised sv = state.server();
            if (sv != null && sv.child() != null) {
                sv.child().unwatch();
            }
            log.get().info("This AllTalk instance's configuration was removed: it leaves");
            new Shutdown(state, own, timings, log).leaveOrStop(sv, settings.stopOnExit());
        }
    }

    /** A change that matters to a start, made while a start is blocked or failed, retries at once. */
    void configure(AllTalkSettings settings) {
        AllTalkSettings before = this.settings;
        this.settings = settings;
        if (before != null
                && attempts != null
                && !closing
                && !userStopped
                && StartInputs.differ(before, settings)
                && state.state().phase() == Phase.FAILED) {
            log.get().info("The configuration changed while AllTalk could not start: trying again now");
            timings.policy().reset();
            attempts.begin(false, NoticeListener.NONE, Duration.ZERO);
        }
    }

    /** Deactivation for no particular reason (tests): a bundle swap unless the framework stops. */
    void deactivate() {
        deactivate(0);
    }

    @Deactivate
    void deactivate(int reason) {
        // the instance's configuration file was deleted: the instance leaves, as on a host shutdown
        boolean shutdown = frameworkStopping.getAsBoolean() || reason == CONFIGURATION_DELETED;
        closing = true;
        attempts.cancel();
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Supervised sv = state.server();
        if (sv != null && sv.child() != null) {
            sv.child().unwatch();
        }
        if (shutdown && !leaving) {
            new Shutdown(state, own, timings, log).leaveOrStop(sv, settings.stopOnExit());
        } else if (sv != null) {
            log.get()
                    .info(
                            "Detaching from {} (pid {}) on {}: it keeps running and the next Supervisor adopts it",
                            sv.words(),
                            sv.pid(),
                            sv.address());
        }
        watcher.shutdownNow();
        own.lock().release();
    }

    @Override
    public RunState ensureRunning(NoticeListener progress) {
        if (closing) {
            return state();
        }
        if (userStopped) {
            RunState st = state.state();
            return new RunState(
                    Phase.STOPPED,
                    st.mode(),
                    st.address(),
                    st.kind(),
                    0,
                    false,
                    st.since(),
                    TEXT.text("stopped.byUser"));
        }
        RunState st = state.state();
        Supervised sv = state.server();
        if (!attempts.busy() && st.ready() && sv != null && (sv.child() == null || sv.alive())) {
            return st;
        }
        RunState r = attempts.begin(false, progress, Duration.ZERO).await(longestStart());
        return r != null ? r : state();
    }

    @Override
    public RunState start(NoticeListener progress) {
        userStopped = false;
        timings.policy().reset();
        attempts.dropPendingRestart();
        return ensureRunning(progress);
    }

    @Override
    public String stop(NoticeListener progress) {
        NoticeListener l = progress == null ? NoticeListener.NONE : progress;
        userStopped = true;
        attempts.cancel();
        Mode mode = safeMode(settings);
        try {
            Future<String> f = worker.submit(() -> stopping.run(l, mode));
            return f.get(timings.grace().toSeconds() + 60, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            return state.state().explanation();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return state.state().explanation();
        } catch (Exception e) {
            LOG.error("Stopping AllTalk failed", e);
            return state.state().explanation();
        }
    }

    @Override
    public RunState restart(NoticeListener progress) {
        if (safeMode(settings) != Mode.EXTERNAL) {
            stop(progress);
        }
        return start(progress);
    }

    @Override
    public void recover(String reason) {
        recover(reason, false);
    }

    private void recover(String reason, boolean force) {
        try {
            worker.execute(() -> recovery.recover(reason, force));
        } catch (RejectedExecutionException e) {
            LOG.debug("Not recovering ({}): the Supervisor is going away", reason);
        }
    }

    @Override
    public RunState state() {
        return state.state();
    }

    @Override
    public Optional<ResourceUsage> resources() {
        return resources.latest();
    }

    /** The longest a caller waits for a start: every bound of the start added up, plus a margin. */
    private Duration longestStart() {
        ProcessSettings t = timings.tuning();
        return timings.readyTimeout()
                .plusSeconds(t.downloadExtraSeconds()
                        + t.lockWaitSeconds()
                        + t.stopGraceSeconds()
                        + t.backoffMaxSeconds()
                        + 120L);
    }

    /** The configured AllTalk folder (NONE in stand-in mode or without a folder). */
    static AllTalkInstall install(AllTalkSettings s) {
        String dir = s == null || s.installDir() == null ? "" : s.installDir().trim();
        return AllTalkInstall.of(dir.isEmpty() ? null : Path.of(dir), s == null ? "" : s.launchScript());
    }

    private static Mode safeMode(AllTalkSettings s) {
        try {
            return Mode.of(s);
        } catch (IllegalArgumentException e) {
            return Mode.STANDIN;
        }
    }

    /**
     * While TalkHost itself is still starting, the Supervisor's work (detection, the port, the doctor, a server's
     * start) waits until the framework is up, at most this long. That work and a server's own start-up (a whole
     * Python, or the stand-in's JVM) would otherwise take the second of a small machine's cores from the bundles
     * still starting; TalkHost was up ~10 % later, and AllTalk was no sooner ready.
     */
    static final Duration FRAMEWORK_START_WAIT = Duration.ofSeconds(3);

    /** Returns once the framework is no longer starting, {@code giveUp} holds, or {@code max} has passed. */
    static void untilFrameworkStarted(BundleContext context, Duration max, BooleanSupplier giveUp) {
        try {
            Bundle framework = context.getBundle(0);
            if (framework.getState() != Bundle.STARTING) {
                return;
            }
            CountDownLatch started = new CountDownLatch(1);
            FrameworkListener listener = ev -> {
                if (ev.getType() == FrameworkEvent.STARTED) {
                    started.countDown();
                }
            };
            context.addFrameworkListener(listener);
            try {
                long deadline = System.nanoTime() + max.toNanos();
                while (framework.getState() == Bundle.STARTING
                        && !giveUp.getAsBoolean()
                        && System.nanoTime() < deadline
                        && !started.await(20, TimeUnit.MILLISECONDS)) {
                    // checks again: the framework may stop instead, or the attempt be cancelled
                }
            } finally {
                context.removeFrameworkListener(listener);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            // this bundle is stopping: the start it serves is being cancelled anyway
        }
    }

    private static boolean frameworkStopping(BundleContext context) {
        try {
            return context.getBundle(0).getState() == Bundle.STOPPING;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
