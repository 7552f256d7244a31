package org.talkhost.process.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * This TalkHost's hold on the AllTalk it runs: launching and attaching its process, watching its output,
 * the instance lock and pid file that say it is ours, and stopping its process tree within the grace.
 */
final class OwnServer {
    private final Launcher launcher;
    private final InstanceLock lock;
    private final PidFile pidFile;
    private final StartTimes startTimes;
    private final Timings timings;
    private final ProcessTreeStopper stopper = new ProcessTreeStopper();
    /** Reads children's output (never blocked by a start). */
    private final ScheduledExecutorService watcher;

    OwnServer(Launcher launcher, HostFiles files, Timings timings, ScheduledExecutorService watcher) {
        this.launcher = launcher;
        this.lock = new InstanceLock(files.lockFile());
        this.pidFile = new PidFile(files.pidFile());
        this.startTimes = new StartTimes(files.startTimes());
        this.timings = timings;
        this.watcher = watcher;
    }

    Launcher launcher() {
        return launcher;
    }

    InstanceLock lock() {
        return lock;
    }

    PidFile pidFile() {
        return pidFile;
    }

    StartTimes startTimes() {
        return startTimes;
    }

    /** Follows the child's output (and rotates the server log when it grows too big). */
    void watch(ChildProcess child) {
        child.watch(watcher, Duration.ofMillis(100), launcher.log()::rotateIfBig);
    }

    /** Stops the process tree under {@code root}, forcing what is left after the configured grace. */
    ProcessTreeStopper.Result stop(ProcessHandle root) {
        return stopper.stop(root, timings.grace());
    }

    /** It is ours no more: the pid file goes and the instance lock is let go. */
    void forget() {
        pidFile.delete();
        lock.release();
    }
}
