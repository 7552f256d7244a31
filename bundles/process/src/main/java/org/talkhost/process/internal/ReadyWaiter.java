package org.talkhost.process.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.client.ReadyAnswer;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.notice.Messages;
import org.talkhost.api.notice.Notice;

/**
 * Waits for AllTalk to answer Ready: checks from the first moment (never a fixed sleep first), looks whether
 * the port is open every {@value #PORT_LOOK_MILLIS} ms (a refused connection costs next to nothing, and AllTalk
 * is ready the moment its port opens, its model loads before) and asks for Ready every {@code poll} once it is
 * open, notices at once when the process ends, tells progress with an estimate, and gives up at a deadline
 * (extended once when a first-run model download is seen).
 */
final class ReadyWaiter {
    /** How often a closed port is looked at again. */
    static final long PORT_LOOK_MILLIS = 5;

    /** TAKEN: what answers Ready on the port is another server, not the process TalkHost started. */
    enum Result {
        READY,
        EXITED,
        TIMEOUT,
        CANCELLED,
        TAKEN
    }

    /**
     * @param portToReady at most this long passed between the port opening and Ready: from the last check
     *                    that found it closed (null when it was never seen closed)
     * @param openSeen    at least this long: from the first check that found it open (null when unknown)
     * @param exitCode    for EXITED, the exit code ({@link ChildProcess#UNKNOWN_EXIT} when not known)
     * @param answered    whether the server answered at all (Unloaded, errors) before the end
     */
    record Outcome(
            Result result, Duration took, Duration portToReady, Duration openSeen, int exitCode, boolean answered) {
        Outcome(Result result, Duration took, int exitCode, boolean answered) {
            this(result, took, null, null, exitCode, answered);
        }
    }

    /**
     * @param child    the process to watch, or null (external)
     * @param estimate the usual time to ready, or null when it cannot be known (a server TalkHost did not start)
     * @param words    how a person names it
     * @param ownPort  the child was started here to listen on the port: Ready counts only when it listens there
     */
    record Target(
            ServerAddress address,
            ChildProcess child,
            Duration timeout,
            Duration estimate,
            String words,
            boolean ownPort) {
        Target(ServerAddress address, ChildProcess child, Duration timeout, Duration estimate, String words) {
            this(address, child, timeout, estimate, words, false);
        }
    }

    private static final Duration PROBE = Duration.ofMillis(250);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(1);

    private final AllTalkClient client;
    private final Duration poll;
    private final Duration progressEvery;
    private final Duration downloadExtra;
    private final Messages messages;
    private final PortOwnership ports;

    ReadyWaiter(
            AllTalkClient client, Duration poll, Duration progressEvery, Duration downloadExtra, Messages messages) {
        this(client, poll, progressEvery, downloadExtra, messages, PortOwnership.system());
    }

    ReadyWaiter(
            AllTalkClient client,
            Duration poll,
            Duration progressEvery,
            Duration downloadExtra,
            Messages messages,
            PortOwnership ports) {
        this.ports = ports;
        this.client = client;
        this.poll = poll;
        this.progressEvery = progressEvery;
        this.downloadExtra = downloadExtra;
        this.messages = messages;
    }

    Outcome await(Target t, Consumer<Notice> say, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        long deadline = start + t.timeout().toNanos();
        long nextProgress = start + progressEvery.toNanos();
        long lastClosed = -1;
        long firstOpen = -1;
        boolean answered = false;
        boolean extended = false;
        while (true) {
            long now = System.nanoTime();
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                return new Outcome(Result.CANCELLED, since(start), 0, answered);
            }
            if (t.child() != null && !t.child().alive()) {
                int code = waitExit(t.child());
                return new Outcome(Result.EXITED, since(start), code, answered);
            }
            boolean open = portOpen(t.address());
            if (!open) {
                lastClosed = now;
            } else {
                firstOpen = firstOpen < 0 ? now : firstOpen;
                try {
                    ReadyAnswer a = client.ready(READY_TIMEOUT);
                    answered = true;
                    PortOwnership.Owner owner = a.ready() ? owner(t) : PortOwnership.Owner.UNKNOWN;
                    if (owner == PortOwnership.Owner.OTHERS) {
                        return new Outcome(Result.TAKEN, since(start), 0, true);
                    }
                    if (a.ready() && (t.child() == null || t.child().alive())) {
                        long at = System.nanoTime();
                        Duration lag = lastClosed < 0 ? null : Duration.ofNanos(at - lastClosed);
                        return new Outcome(Result.READY, since(start), lag, Duration.ofNanos(at - firstOpen), 0, true);
                    }
                } catch (RuntimeException e) {
                    // not answering yet
                }
            }
            if (!extended && t.child() != null && t.child().output().downloading()) {
                extended = true;
                deadline = Math.max(deadline, System.nanoTime() + downloadExtra.toNanos());
                say.accept(messages.info("wait.download", PlainAmounts.duration(downloadExtra)));
            }
            now = System.nanoTime();
            if (now >= deadline) {
                return new Outcome(Result.TIMEOUT, since(start), 0, answered);
            }
            if (now >= nextProgress) {
                nextProgress += progressEvery.toNanos();
                say.accept(progress(t, Duration.ofNanos(now - start), Duration.ofNanos(deadline - start), answered));
            }
            pause(t.child(), open ? poll.toMillis() : Math.min(poll.toMillis(), PORT_LOOK_MILLIS));
        }
    }

    /** Who listens on the port when the child was started here to listen there; else UNKNOWN (it does not matter). */
    private PortOwnership.Owner owner(Target t) {
        if (!t.ownPort() || t.child() == null || !t.child().alive()) {
            return PortOwnership.Owner.UNKNOWN;
        }
        return ports.of(t.child().handle(), t.address().port());
    }

    private Notice progress(Target t, Duration elapsed, Duration limit, boolean answered) {
        String limitWords = PlainAmounts.duration(limit);
        if (t.estimate() == null && !answered) { // a server TalkHost did not start: whether it is loading is unknown
            return messages.progress(
                    Math.min(0.95, elapsed.toMillis() / (double) Math.max(1, limit.toMillis())),
                    null,
                    "wait.external",
                    t.words(),
                    t.address(),
                    PlainAmounts.duration(elapsed),
                    limitWords);
        }
        Duration estimate = t.estimate() == null ? limit : t.estimate();
        Duration left = estimate.minus(elapsed);
        double fraction = Math.min(0.95, elapsed.toMillis() / (double) Math.max(1, estimate.toMillis()));
        if (answered) {
            return messages.progress(
                    fraction,
                    left.isNegative() ? null : left,
                    "wait.unloaded",
                    t.words(),
                    PlainAmounts.duration(elapsed),
                    limitWords);
        }
        if (left.isNegative() || left.isZero()) {
            return messages.progress(
                    fraction,
                    null,
                    "wait.long",
                    t.words(),
                    PlainAmounts.duration(elapsed),
                    PlainAmounts.duration(estimate),
                    limitWords);
        }
        return messages.progress(
                fraction,
                left,
                "wait.progress",
                t.words(),
                PlainAmounts.duration(elapsed),
                PlainAmounts.duration(left),
                limitWords);
    }

    private void pause(ChildProcess child, long millis) {
        if (child == null) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
            return;
        }
        try {
            child.exited().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the usual case: still running
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int waitExit(ChildProcess child) {
        try {
            return child.exited().get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // fall through
        }
        return ChildProcess.UNKNOWN_EXIT;
    }

    static boolean portOpen(ServerAddress address) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address.host(), address.port()), (int) PROBE.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
