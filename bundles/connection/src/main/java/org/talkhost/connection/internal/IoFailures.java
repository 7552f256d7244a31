package org.talkhost.connection.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.talkhost.api.client.AllTalkException;
import org.talkhost.api.client.BusyException;
import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.client.UnavailableException;

/** Turns a failed exchange (an {@link IOException}) into the typed error a person can act on. */
final class IoFailures {

    private IoFailures() {}

    /**
     * @param where    "127.0.0.1:7851", for the message
     * @param what     "GET /api/voices", for the detail
     * @param timeout  the time the call had
     * @param expired  the call's deadline passed (it was cancelled for that)
     * @param status   the HTTP status if one had arrived (the body was being read), else 0
     */
    static AllTalkException map(
            IOException e, String where, String what, Duration timeout, boolean expired, int status) {
        String detail = what + " to " + where + ": " + e;
        String secs = ClientSettings.seconds(timeout);
        if (expired || (e instanceof SocketTimeoutException && !(e instanceof ConnectTimeoutException))) {
            return new BusyException(
                    ConnectionCatalog.TEXT.text("busy.timeout", where, secs),
                    detail + " (no complete answer in " + secs + " s)",
                    e);
        }
        if (isConnectFailure(e)) {
            String key = e instanceof ConnectTimeoutException ? "unavailable.connectTimeout" : "unavailable.refused";
            return new UnavailableException(ConnectionCatalog.TEXT.text(key, where, secs), detail, e);
        }
        if (e instanceof UnknownHostException) {
            return new UnavailableException(ConnectionCatalog.TEXT.text("unavailable.unknownHost", where), detail, e);
        }
        if (e instanceof InterruptedIOException) {
            return new BusyException(ConnectionCatalog.TEXT.text("busy.timeout", where, secs), detail, e);
        }
        if (status > 0) {
            return new ServerFailureException(
                    status, ConnectionCatalog.TEXT.text("failure.truncated", where), detail, e);
        }
        return new UnavailableException(ConnectionCatalog.TEXT.text("unavailable.broken", where), detail, e);
    }

    /** The request never reached AllTalk: the connection was refused or could not be opened in time. */
    static boolean isConnectFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException
                    || c instanceof ConnectTimeoutException
                    || c instanceof NoRouteToHostException) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
