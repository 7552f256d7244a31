package org.talkhost.process.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Stops a process and everything it started: asks all of them to end (SIGTERM), waits the grace
 * period, forces the rest (SIGKILL), then checks that none is left.
 */
final class ProcessTreeStopper {

    /**
     * @param processes how many processes the tree had
     * @param forced    how many had to be forced
     * @param left      pids still running afterwards (should be none)
     * @param took      how long it took
     */
    record Result(int processes, int forced, List<Long> left, Duration took) {
        boolean clean() {
            return left.isEmpty();
        }
    }

    Result stop(ProcessHandle root, Duration grace) {
        long start = System.nanoTime();
        Map<Long, ProcessHandle> tree = new LinkedHashMap<>();
        collect(root, tree);
        List<ProcessHandle> all = new ArrayList<>(tree.values());
        if (all.isEmpty()) {
            return new Result(0, 0, List.of(), Duration.ZERO);
        }
        all.forEach(ProcessHandle::destroy);
        waitUntilGone(all, grace);
        collect(root, tree);
        List<ProcessHandle> rest = new ArrayList<>(tree.values())
                .stream().filter(Liveness::running).toList();
        rest.forEach(ProcessHandle::destroyForcibly);
        waitUntilGone(rest, Duration.ofSeconds(3));
        List<Long> left =
                rest.stream().filter(Liveness::running).map(ProcessHandle::pid).toList();
        return new Result(tree.size(), rest.size(), left, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The root and its descendants that run now, added to {@code into} (a snapshot: orphans lose their parent). */
    private static void collect(ProcessHandle root, Map<Long, ProcessHandle> into) {
        if (Liveness.running(root)) {
            into.putIfAbsent(root.pid(), root);
            root.descendants().filter(Liveness::running).forEach(h -> into.putIfAbsent(h.pid(), h));
        }
    }

    private static void waitUntilGone(List<ProcessHandle> handles, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (handles.stream().anyMatch(Liveness::running) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
