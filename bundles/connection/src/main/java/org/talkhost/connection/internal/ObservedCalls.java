package org.talkhost.connection.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.talkhost.api.client.AllTalkException;
import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.client.UnavailableException;
import org.talkhost.api.config.ServerAddress;

/**
 * Runs each client call: its time to the metrics ({@code client.<op>}), its outcome to the
 * {@link ConnectionWatch}, and never an untyped exception to the caller.
 */
final class ObservedCalls {
    private final Telemetry telemetry;
    private final ConnectionWatch watch;
    private final BooleanSupplier stopping;

    ObservedCalls(Telemetry telemetry, ConnectionWatch watch, BooleanSupplier stopping) {
        this.telemetry = telemetry;
        this.watch = watch;
        this.stopping = stopping;
    }

    /**
     * @param quiet a call whose timeouts are expected (the ready check while AllTalk generates): logged
     *              at debug level only
     */
    <T> T run(String op, boolean quiet, ServerAddress at, Function<ServerAddress, T> call) {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            T result = call.apply(at);
            ok = true;
            watch.answered(at);
            return result;
        } catch (AllTalkException e) {
            watch.failed(at, op, e, quiet);
            throw e;
        } catch (RuntimeException e) {
            AllTalkException typed = stopping.getAsBoolean()
                    ? new UnavailableException(ConnectionCatalog.TEXT.text("unavailable.stopped"), e.toString(), e)
                    : new ServerFailureException(
                            0, ConnectionCatalog.TEXT.text("failure.unexpected", at), e.toString(), e);
            watch.failed(at, op, typed, quiet);
            throw typed;
        } finally {
            telemetry.metrics().record("client." + op, Duration.ofNanos(System.nanoTime() - start), ok);
        }
    }
}
