package org.talkhost.connection.internal;

import java.time.Duration;
import java.util.function.Supplier;

import org.talkhost.api.client.AllTalkException;
import org.talkhost.api.client.UnavailableException;

import dev.failsafe.Execution;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;

/**
 * Tries idempotent calls again when, and only when, the connection could not be opened (refused or
 * timed out): then the request never reached AllTalk. Waits grow 1, 2, 4, 8, 8 s (with jitter), as
 * a Failsafe {@link RetryPolicy} computes them; the wait itself goes through a {@link Sleeper}, so
 * tests check the timing without sleeping.
 */
final class RetryingCalls {

    /** Waits between tries. */
    interface Sleeper {
        /** @return false when the client is stopping and the call should give up now */
        boolean sleep(Duration wait) throws InterruptedException;
    }

    /** Told of each failed try that will be repeated. */
    interface Listener {
        void retrying(String what, int attempt, int attempts, Duration wait, AllTalkException failure);
    }

    private final RetryPolicy<Object> policy;
    private final int attempts;
    private final Sleeper sleeper;
    private final Listener listener;

    RetryingCalls(RetrySettings settings, Sleeper sleeper, Listener listener) {
        RetryPolicyBuilder<Object> b = RetryPolicy.builder()
                .handleIf((Throwable e) -> e instanceof UnavailableException && IoFailures.isConnectFailure(e))
                .withBackoff(settings.base(), settings.max())
                .withMaxAttempts(settings.attempts());
        if (settings.jitter() > 0) {
            b.withJitter(settings.jitter());
        }
        this.policy = b.build();
        this.attempts = settings.attempts();
        this.sleeper = sleeper;
        this.listener = listener;
    }

    int attempts() {
        return attempts;
    }

    /** Runs {@code call}, repeating it after a failure to connect until the attempts are used up. */
    <T> T call(String what, Supplier<T> call) {
        Execution<Object> execution = Execution.of(policy);
        while (true) {
            try {
                return call.get();
            } catch (AllTalkException e) {
                execution.recordException(e);
                if (execution.isComplete()) {
                    throw e;
                }
                Duration wait = execution.getDelay();
                listener.retrying(what, execution.getAttemptCount(), attempts, wait, e);
                try {
                    if (!sleeper.sleep(wait)) {
                        throw e;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
