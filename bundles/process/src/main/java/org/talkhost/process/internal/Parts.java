package org.talkhost.process.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.detection.AllTalkDetector;
import org.talkhost.api.environment.Doctor;
import org.talkhost.api.install.AllTalkInstall;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.notice.Messages;
import org.talkhost.api.ports.PortManager;

/** What the Supervisor's pieces share: the services it uses, its files, its state board. */
final class Parts {
    final AllTalkDetector detector;
    final PortManager ports;
    final AllTalkClient client;
    final Supplier<Doctor> doctor;
    final Supplier<OperationsLog> oplog;
    final Supplier<Metrics> metrics;
    final Supplier<AllTalkSettings> settings;
    final Supplier<ProcessSettings> tuning;
    final HostFiles files;
    final Messages messages;
    final Board board;
    final InstanceLock lock;
    final PidFile pidFile;
    final StartTimes startTimes;
    final Launcher launcher;
    final CommandLineBuilder commands;
    final ProcessTreeStopper stopper = new ProcessTreeStopper();
    private final RestartPolicy policy;
    /** Reads children's output and samples resources (never blocked by a start). */
    final ScheduledExecutorService watcher;

    Parts(AllTalkDetector detector, PortManager ports, AllTalkClient client, Supplier<Doctor> doctor,
            Supplier<OperationsLog> oplog, Supplier<Metrics> metrics, Supplier<AllTalkSettings> settings,
            Supplier<ProcessSettings> tuning, HostFiles files, Messages messages, Board board,
            CommandLineBuilder commands, RestartPolicy policy, ScheduledExecutorService watcher) {
        this.detector = detector;
        this.ports = ports;
        this.client = client;
        this.doctor = doctor;
        this.oplog = oplog;
        this.metrics = metrics;
        this.settings = settings;
        this.tuning = tuning;
        this.files = files;
        this.messages = messages;
        this.board = board;
        this.commands = commands;
        this.policy = policy;
        this.watcher = watcher;
        this.lock = new InstanceLock(files.lockFile());
        this.pidFile = new PidFile(files.pidFile());
        this.startTimes = new StartTimes(files.startTimes());
        ProcessSettings t = tuning.get();
        ServerLog log = new ServerLog(files.serverLog(), t.logKeep(), t.logMaxMegabytes() * 1024L * 1024L);
        this.launcher = new Launcher(log, new OutputScanner(messages, () -> install(settings.get())));
    }

    /** The configured AllTalk folder (NONE in stand-in mode or without a folder). */
    static AllTalkInstall install(AllTalkSettings s) {
        String dir = s == null || s.installDir() == null ? "" : s.installDir().trim();
        return AllTalkInstall.of(dir.isEmpty() ? null : Path.of(dir), s == null ? "" : s.launchScript());
    }

    OperationsLog log() {
        OperationsLog l = oplog.get();
        return l == null ? OperationsLog.NONE : l;
    }

    Metrics measure() {
        Metrics m = metrics.get();
        return m == null ? Metrics.NONE : m;
    }

    /** The restart policy with the limits now configured. */
    RestartPolicy policy() {
        ProcessSettings t = tuning.get();
        return policy.limits(t.maxStarts(), Duration.ofSeconds(t.startWindowSeconds()),
                Duration.ofSeconds(t.backoffMaxSeconds()), Duration.ofSeconds(t.healthyResetSeconds()));
    }

    Duration grace() {
        return Duration.ofSeconds(Math.max(0, tuning.get().stopGraceSeconds()));
    }

    Duration readyTimeout() {
        return Duration.ofSeconds(Math.max(1, settings.get().readyTimeoutSeconds()));
    }

    ReadyWaiter waiter() {
        ProcessSettings t = tuning.get();
        return new ReadyWaiter(client, Duration.ofMillis(Math.max(20, t.pollMillis())),
                Duration.ofSeconds(Math.max(1, t.progressSeconds())),
                Duration.ofSeconds(Math.max(0, t.downloadExtraSeconds())), messages);
    }
}
