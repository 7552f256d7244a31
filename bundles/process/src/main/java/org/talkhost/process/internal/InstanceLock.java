package org.talkhost.process.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * {@code runtime/supervisor.lock}: held while a TalkHost starts or owns an AllTalk, so that two
 * TalkHosts (or two Supervisors in one JVM) never both start one. The operating system releases it
 * when the JVM ends. Within one JVM only the owner ever opens the file: closing any channel on a file
 * drops every lock this JVM holds on it.
 */
final class InstanceLock {
    private static final Map<Path, InstanceLock> OWNERS = new ConcurrentHashMap<>();

    private final Path file;
    private FileChannel channel;
    private FileLock lock;

    Path file() {
        return file;
    }

    InstanceLock(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    synchronized boolean held() {
        return lock != null && lock.isValid();
    }

    /** Tries to take the lock, retrying every 100 ms for up to {@code wait}; false when someone else holds it. */
    boolean acquire(Duration wait, BooleanSupplier cancelled) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (tryOnce()) {
                return true;
            }
            if (cancelled.getAsBoolean()
                    || System.nanoTime() >= deadline
                    || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    synchronized boolean tryOnce() {
        if (held()) {
            return true;
        }
        if (OWNERS.putIfAbsent(file, this) != null) {
            return false;
        }
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                OWNERS.remove(file, this);
                return false;
            }
            channel = ch;
            lock = l;
            return true;
        } catch (IOException e) {
            OWNERS.remove(file, this);
            return false;
        }
    }

    synchronized void release() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing the channel releases the lock anyway
        } finally {
            lock = null;
            channel = null;
            OWNERS.remove(file, this);
        }
    }
}
