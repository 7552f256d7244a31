package org.talkhost.environment.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.EnvironmentCheck;
import org.talkhost.api.environment.EnvironmentContext;

/**
 * Runs checks in parallel on a small pool, each guarded, all under one time limit. A check that does not
 * answer in time is reported and left behind; it is not started again while its earlier run still goes
 * on, so a hung add-on holds at most one thread.
 */
final class CheckRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);
    private static final int MAX_THREADS = 16;

    private final Set<EnvironmentCheck> busy = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor pool;

    CheckRunner() {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "talkhost-doctor-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** One result per check, in the order given. */
    List<CheckResult> runAll(List<EnvironmentCheck> checks, EnvironmentContext context, Duration limit) {
        Map<Integer, Future<CheckResult>> started = new LinkedHashMap<>();
        CheckResult[] results = new CheckResult[checks.size()];
        for (int i = 0; i < checks.size(); i++) {
            EnvironmentCheck check = checks.get(i);
            if (!busy.add(check)) {
                results[i] = CheckGuard.problem(check, "doctor.busy");
                continue;
            }
            try {
                started.put(i, pool.submit(() -> {
                    try {
                        return CheckGuard.run(check, context);
                    } finally {
                        busy.remove(check);
                    }
                }));
            } catch (RejectedExecutionException e) {
                busy.remove(check);
                results[i] = CheckGuard.problem(check, "doctor.overloaded");
            }
        }
        long deadline = System.nanoTime() + limit.toNanos();
        for (Map.Entry<Integer, Future<CheckResult>> e : started.entrySet()) {
            EnvironmentCheck check = checks.get(e.getKey());
            Future<CheckResult> f = e.getValue();
            try {
                results[e.getKey()] = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException ex) {
                f.cancel(true);
                CheckResult late = CheckGuard.problem(check, "doctor.timeout", DoctorImpl.seconds(limit));
                results[e.getKey()] = new CheckResult(
                        late.id(), late.title(), late.status(), late.message(), late.fix(), false, limit);
                LOG.warn("The environment check {} did not answer within {}", CheckGuard.id(check), limit);
            } catch (ExecutionException ex) {
                results[e.getKey()] = CheckGuard.problem(check, "doctor.error", String.valueOf(ex.getCause()));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                results[e.getKey()] = CheckGuard.problem(check, "doctor.interrupted");
            }
        }
        return new ArrayList<>(List.of(results));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
