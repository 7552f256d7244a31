package org.talkhost.gateway.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.common.OnFirstUse;
import org.talkhost.common.http.LazyTls;
import org.talkhost.common.http.PooledClient;

/**
 * The gateway's own HttpClient 5 to AllTalk, built from the current address on every call, so it
 * depends on no other TalkHost bundle. Pooled keep-alive connections; idle ones are closed before
 * AllTalk (uvicorn, 5 s) closes them. No retries of its own: the gateway decides.
 */
final class Upstream implements Closeable {
    static final int MAX_CONNECTIONS = 512;
    static final Timeout CONNECT = Timeout.ofSeconds(3);
    static final Timeout PROBE = Timeout.ofMilliseconds(1500);

    /** AllTalk could not be reached at all: nothing was sent, sending again is always safe. */
    static final class Unreached extends IOException {
        private static final long serialVersionUID = 1L;

        Unreached(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final OnFirstUse<PooledClient> client = new OnFirstUse<>(Upstream::build, PooledClient::close);
    private final Supplier<Duration> readTimeout;
    private volatile RequestConfig lastConfig;

    Upstream(Supplier<Duration> readTimeout, ScheduledExecutorService timer) {
        this.readTimeout = readTimeout;
        timer.scheduleWithFixedDelay(
                () -> client.ifMade(c -> c.pool().closeIdle(TimeValue.ofSeconds(2))), 1, 1, TimeUnit.SECONDS);
    }

    /** The pooled client, made at the first request (see {@link OnFirstUse}). */
    private static PooledClient build() {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(LazyTls.INSTANCE)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(CONNECT)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .disableDefaultUserAgent()
                .build();
        return new PooledClient(pool, http);
    }

    static RawRequest request(ServerAddress at, String method, String pathAndQuery) {
        return new RawRequest(method, host(at), pathAndQuery);
    }

    private static HttpHost host(ServerAddress at) {
        return new HttpHost("http", at.host(), at.port());
    }

    /**
     * Sends {@code request} and returns once the answer's head is in; the caller reads and closes it.
     *
     * @throws Unreached  when AllTalk could not be reached (nothing was sent)
     * @throws IOException when the exchange broke after the request left
     */
    ClassicHttpResponse send(ServerAddress at, ClassicHttpRequest request) throws IOException {
        return send(at, request, Timeout.of(readTimeout.get()));
    }

    private ClassicHttpResponse send(ServerAddress at, ClassicHttpRequest request, Timeout timeout) throws IOException {
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(config(timeout));
        try {
            return client.get().http().executeOpen(host(at), request, context);
        } catch (ConnectException | ConnectTimeoutException | UnknownHostException | NoRouteToHostException e) {
            throw new Unreached(e);
        }
    }

    /** The request settings for {@code timeout}: built once for each timeout in use, not on every call. */
    private RequestConfig config(Timeout timeout) {
        RequestConfig c = lastConfig;
        if (c == null || !timeout.equals(c.getResponseTimeout())) {
            c = RequestConfig.custom()
                    .setResponseTimeout(timeout)
                    .setConnectionRequestTimeout(Timeout.ofSeconds(30))
                    .build();
            if (timeout != PROBE) {
                lastConfig = c;
            }
        }
        return c;
    }

    /** True when AllTalk at {@code at} answers {@code /api/ready} with "Ready" now. */
    boolean ready(ServerAddress at) {
        try (ClassicHttpResponse r = send(at, request(at, "GET", "/api/ready"), PROBE)) {
            String body = r.getEntity() == null
                    ? ""
                    : new String(r.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8);
            return r.getCode() == 200 && "Ready".equals(body.strip());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
