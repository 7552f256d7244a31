package org.talkhost.connection.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.talkhost.common.OnFirstUse;
import org.talkhost.common.Threads;
import org.talkhost.common.http.LazyTls;
import org.talkhost.common.http.PooledClient;

/**
 * HttpClient 5 (classic, pooled) with a hard deadline on every exchange. A socket timeout alone does
 * not bound an answer that drips in byte by byte, so each exchange is also cancelled when its time
 * is up. Bodies are read within a size limit. No automatic retries, redirects or cookies here.
 */
final class HttpTransport implements Closeable {
    static final int POOL_SIZE = 4;
    /**
     * AllTalk (uvicorn) closes a connection idle for 5 s. Pooled connections idle for 2 s are closed here
     * first (checked every second), so a request never meets one AllTalk is closing; that costs a new
     * connection (~0.1 ms on loopback) where checking an idle connection costs ~1 ms each time.
     */
    static final TimeValue CLOSE_IDLE_AFTER = TimeValue.ofSeconds(2);
    /** A safety net for a connection the closing missed: checked before use. */
    static final TimeValue CHECK_AFTER_IDLE = TimeValue.ofSeconds(4);

    private final OnFirstUse<PooledClient> client = new OnFirstUse<>(this::build, PooledClient::close);
    private final ScheduledThreadPoolExecutor deadlines =
            new ScheduledThreadPoolExecutor(1, Threads.named("talkhost-client-deadline"));
    private volatile ConnectionConfig connection;

    HttpTransport(Duration connectTimeout) {
        connectTimeout(connectTimeout);
        deadlines.setRemoveOnCancelPolicy(true);
        deadlines.scheduleWithFixedDelay(
                () -> client.ifMade(c -> c.pool().closeIdle(CLOSE_IDLE_AFTER)), 1, 1, TimeUnit.SECONDS);
    }

    /** The pooled client, made at the first exchange (see {@link OnFirstUse}). */
    private PooledClient build() {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(LazyTls.INSTANCE)
                .setMaxConnTotal(POOL_SIZE)
                .setMaxConnPerRoute(POOL_SIZE)
                .setConnectionConfigResolver(route -> connection)
                .build();
        CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .setUserAgent("TalkHost")
                .build();
        return new PooledClient(pool, http);
    }

    void connectTimeout(Duration timeout) {
        connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(timeout))
                .setValidateAfterInactivity(CHECK_AFTER_IDLE)
                .build();
    }

    /** Sends {@code request} and reads the whole answer within {@code timeout} and {@code limit} bytes. */
    Answer exchange(HttpUriRequestBase request, Duration timeout, long limit) {
        Exchange x = start(request, timeout);
        try {
            return x.readAll(limit);
        } catch (IOException e) {
            throw x.fail(e);
        } catch (RuntimeException e) {
            x.abort();
            throw e;
        } finally {
            x.end();
        }
    }

    /** Sends {@code request} and returns as soon as the answer's head is in; the caller reads and ends it. */
    Exchange open(HttpUriRequestBase request, Duration timeout) {
        return start(request, timeout);
    }

    private Exchange start(HttpUriRequestBase request, Duration timeout) {
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .build());
        Exchange x = new Exchange(request, timeout);
        x.guard = deadlines.schedule(x::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            x.response = client.get().http().executeOpen(null, request, null);
            return x;
        } catch (IOException e) {
            throw x.fail(e);
        } catch (RuntimeException e) {
            x.end();
            throw e;
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close();
    }

    /** One request and its answer, under a deadline. */
    static final class Exchange {
        final HttpUriRequestBase request;
        final Duration timeout;
        final String where;
        final AtomicBoolean expired = new AtomicBoolean();
        volatile ScheduledFuture<?> guard;
        /** Runs (on the deadline thread) when the time is up; must be quick. */
        volatile Runnable onExpiry;

        ClassicHttpResponse response;
        private volatile boolean ended;

        Exchange(HttpUriRequestBase request, Duration timeout) {
            this.request = request;
            this.timeout = timeout;
            this.where = request.getAuthority() == null
                    ? "AllTalk"
                    : request.getAuthority().toString();
        }

        int status() {
            return response.getCode();
        }

        InputStream body() throws IOException {
            return response.getEntity() == null
                    ? InputStream.nullInputStream()
                    : response.getEntity().getContent();
        }

        /** Reads the rest of the answer within {@code limit} bytes. */
        Answer readAll(long limit) throws IOException {
            byte[] body = BodyReader.read(response.getEntity(), limit, where, response.getCode());
            return new Answer(
                    response.getCode(), body, where, request.getPath(), response.containsHeader(Answer.STANDIN_MARK));
        }

        private void expire() {
            expired.set(true);
            request.cancel();
            Runnable r = onExpiry;
            if (r != null) {
                r.run();
            }
        }

        /** Maps a failure to the typed error and drops the connection. */
        RuntimeException fail(IOException e) {
            boolean late = expired.get();
            abort();
            return IoFailures.map(
                    e,
                    where,
                    request.getMethod() + " " + request.getPath(),
                    timeout,
                    late,
                    response == null ? 0 : response.getCode());
        }

        /** Drops the connection without reading the rest (closing would drain it). */
        void abort() {
            request.cancel();
            end();
        }

        /** Ends the exchange: a fully read answer leaves its connection in the pool. */
        void end() {
            if (ended) {
                return;
            }
            ended = true;
            ScheduledFuture<?> g = guard;
            if (g != null) {
                g.cancel(false);
            }
            if (response != null) {
                try {
                    response.close();
                } catch (IOException | RuntimeException e) {
                    // the connection is discarded either way
                }
            }
        }
    }
}
