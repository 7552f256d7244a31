package org.talkhost.process.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import org.talkhost.api.config.AllTalkSettings;

/**
 * The machine-wide lock around "detect, then start": every TalkHost on this computer (whatever its home)
 * takes it before it looks for a running AllTalk and starts one, and lets go once its AllTalk is ready or
 * the start has failed. A second TalkHost waits for it, then finds the first one's AllTalk and adopts it.
 * A file lock in the system temp folder, keyed by host and candidate ports; the system releases it when a
 * TalkHost dies.
 */
final class StartLock {
    private final InstanceLock lock;
    private final Path file;

    StartLock(Path folder, AllTalkSettings s) {
        this.file = folder.resolve(name(s));
        this.lock = new InstanceLock(file);
    }

    /** For the configuration {@code s}, in {@code folder} (the system temp folder, see {@link HostFiles}). */
    static StartLock of(Path folder, AllTalkSettings s) {
        return new StartLock(folder, s);
    }

    /** {@code talkhost-start-127.0.0.1-7851-7852.lock}: one lock per host and set of candidate ports. */
    static String name(AllTalkSettings s) {
        TreeSet<Integer> ports = new TreeSet<>();
        if (s.port() > 0) {
            ports.add(s.port());
        }
        if (s.ports() != null) {
            for (int p : s.ports()) {
                ports.add(p);
            }
        }
        if (ports.isEmpty()) {
            ports.add(7851);
            ports.add(7852);
        }
        String host =
                s.host() == null || s.host().isBlank() ? "127.0.0.1" : s.host().trim();
        StringBuilder b = new StringBuilder("talkhost-start-").append(host.replaceAll("[^A-Za-z0-9._-]", "_"));
        ports.forEach(p -> b.append('-').append(p));
        return b.append(".lock").toString();
    }

    boolean tryNow() {
        return lock.tryOnce();
    }

    boolean acquire(Duration wait, BooleanSupplier cancelled) {
        return lock.acquire(wait, cancelled);
    }

    void release() {
        lock.release();
    }

    Path file() {
        return file;
    }
}
