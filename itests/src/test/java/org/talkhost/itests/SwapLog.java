package org.talkhost.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import org.talkhost.api.client.AllTalkException;

/** What the swap load saw: every call with its outcome, every round, every AllTalk pid. */
final class SwapLog {
    /** How a call ended. */
    enum Kind {
        OK,
        /** The service was not registered (a swap in progress). */
        ABSENT,
        /** Failed or not ready, with a plain message for people. */
        EXPLAINED,
        /** Failed without one: a defect. */
        UNEXPLAINED
    }

    record Call(String op, long begin, long end, Kind kind, String text) {
        @Override
        public String toString() {
            return op + " " + kind + ": " + text;
        }
    }

    record Round(String thread, long begin, long end, boolean ok) {}

    /** Thrown by the load when a service is not registered. */
    static final class Absent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Absent(String message) {
            super(message, null, false, false);
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private final List<Round> rounds = new ArrayList<>();
    private final Set<Long> pids = new TreeSet<>();

    /** Runs {@code call} (which returns "" when all is well, else what is not) and logs the outcome. */
    boolean call(String op, Callable<String> call) {
        long begin = System.nanoTime();
        Kind kind;
        String text;
        try {
            text = call.call();
            kind = text.isEmpty() ? Kind.OK : plain(text) ? Kind.EXPLAINED : Kind.UNEXPLAINED;
        } catch (Throwable t) {
            Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
            String msg = e.getMessage();
            text = e.getClass().getName() + ": " + msg;
            if (e instanceof Absent || msg != null && msg.startsWith("Command not found")) {
                kind = Kind.ABSENT;
            } else {
                boolean plainType = e instanceof AllTalkException
                        || e instanceof IllegalStateException
                        || e instanceof RejectedExecutionException;
                kind = plainType && plain(msg) ? Kind.EXPLAINED : Kind.UNEXPLAINED;
            }
        }
        synchronized (this) {
            calls.add(new Call(op, begin, System.nanoTime(), kind, text));
        }
        return kind == Kind.OK;
    }

    static boolean plain(String message) {
        return message != null && !message.isBlank() && !message.contains("Exception") && !message.contains("null");
    }

    synchronized void round(String thread, long begin, long end, boolean ok) {
        rounds.add(new Round(thread, begin, end, ok));
    }

    synchronized void sawPid(long pid) {
        if (pid != 0) {
            pids.add(pid);
        }
    }

    synchronized Set<Long> pids() {
        return new TreeSet<>(pids);
    }

    /** The calls that began at or after {@code from} (System.nanoTime). */
    synchronized List<Call> since(long from) {
        return calls.stream().filter(c -> c.begin() >= from).collect(Collectors.toList());
    }

    /**
     * When every load thread had completed a good round that began at or after {@code from}: the latest
     * of their first such ends, or -1 while one has not.
     */
    synchronized long allGoodAgainAfter(long from, int threads) {
        long latest = -1;
        List<String> names = rounds.stream().map(Round::thread).distinct().collect(Collectors.toList());
        if (names.size() < threads) {
            return -1;
        }
        for (String thread : names) {
            long first = rounds.stream()
                    .filter(r -> r.thread().equals(thread) && r.ok() && r.begin() >= from)
                    .mapToLong(Round::end)
                    .min()
                    .orElse(-1);
            if (first < 0) {
                return -1;
            }
            latest = Math.max(latest, first);
        }
        return latest;
    }
}
