package org.talkhost.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentLengthStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.talkhost.common.OnFirstUse;
import org.talkhost.common.Threads;

/**
 * One HTTP GET for a probe ("what answers on this port?"), bounded by a deadline from the connection to the
 * last byte, on HttpClient 5: a fresh connection each time (so "refused" is the truth about the port now),
 * no retries, no redirects. The body is read up to a size limit; a body still dripping at the deadline is
 * returned as far as it came. Close it when its owner stops.
 */
public final class ProbeGet implements AutoCloseable {
    /** Nothing accepted the connection: refused, unreachable, unknown host, or no connection in time. */
    public static final class NotReached extends IOException {
        private static final long serialVersionUID = 1L;

        public NotReached(String message) {
            super(message);
        }
    }

    /** The connection was accepted, but no answer came before the deadline. */
    public static final class Silent extends IOException {
        private static final long serialVersionUID = 1L;

        public Silent(String message) {
            super(message);
        }
    }

    /**
     * An answer.
     *
     * @param status the HTTP status (1xx interim answers are skipped)
     * @param body   the body as text (UTF-8), within the size limit
     * @param whole  false when the deadline cut the body short
     * @param headerNames the names of the headers that came with it, in lower case
     */
    public record Answer(int status, String body, boolean whole, java.util.Set<String> headerNames) {

        public Answer(int status, String body, boolean whole) {
            this(status, body, whole, java.util.Set.of());
        }

        /** Whether a header of that name (any case) came with the answer. */
        public boolean hasHeader(String name) {
            return headerNames.contains(name.toLowerCase(Locale.ROOT));
        }
    }

    private final int maxBodyBytes;
    private final OnFirstUse<CloseableHttpClient> http;
    private final ScheduledThreadPoolExecutor deadlines;

    /** A client for probes whose bodies are read up to {@code maxBodyBytes}; {@code name} names its timer thread. */
    public ProbeGet(String name, int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        deadlines = new ScheduledThreadPoolExecutor(1, Threads.named(name + "-deadline"));
        deadlines.setRemoveOnCancelPolicy(true);
        http = new OnFirstUse<>(
                () -> HttpClients.custom()
                        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                                .setTlsSocketStrategy(LazyTls.INSTANCE)
                                .setMaxConnTotal(64)
                                .setMaxConnPerRoute(16)
                                .setDefaultSocketConfig(SocketConfig.custom()
                                        .setTcpNoDelay(true)
                                        .build())
                                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                                        .incomingContentLengthStrategy(ProbeGet::bodyLength)
                                        .build())
                                .build())
                        .setConnectionReuseStrategy((request, response, context) -> false)
                        .disableAutomaticRetries()
                        .disableRedirectHandling()
                        .disableCookieManagement()
                        .disableAuthCaching()
                        .setUserAgent("TalkHost")
                        .build(),
                c -> c.close(CloseMode.IMMEDIATE));
    }

    /** {@code GET path} on {@code host:port} (a name, an IPv4 or an IPv6 address), all done by {@code deadlineNanos}. */
    public Answer get(String host, int port, String path, long deadlineNanos) throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new NotReached("no time left to connect");
        }
        HttpGet request = new HttpGet(uri(host, port, path));
        request.setConfig(config(Timeout.ofMilliseconds(Math.max(1, left / 1_000_000))));
        HttpClientContext context = HttpClientContext.create();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> guard = deadlines.schedule(
                () -> {
                    expired.set(true);
                    request.cancel();
                },
                left,
                TimeUnit.NANOSECONDS);
        ClassicHttpResponse response = null;
        try {
            response = http.get().executeOpen(null, request, context);
            return read(request, response, expired);
        } catch (IOException e) {
            throw classify(e, expired.get(), context.getEndpointDetails() != null);
        } finally {
            guard.cancel(false);
            if (response != null) {
                request.cancel(); // never drain what was not read
                closeQuietly(response);
            }
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        http.close();
    }

    private Answer read(HttpGet request, ClassicHttpResponse response, AtomicBoolean expired) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
        boolean whole = true;
        if (response.getEntity() != null) {
            try (InputStream in = decoded(response, response.getEntity().getContent())) {
                byte[] buf = new byte[8192];
                int n;
                while (body.size() < maxBodyBytes
                        && (n = in.read(buf, 0, Math.min(buf.length, maxBodyBytes - body.size()))) >= 0) {
                    body.write(buf, 0, n);
                }
            } catch (IOException e) {
                if (!expired.get()) {
                    throw e;
                }
                whole = false; // the deadline cut it: what came is the answer
            }
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Header h : response.getHeaders()) {
            names.add(h.getName().toLowerCase(Locale.ROOT));
        }
        return new Answer(response.getCode(), body.toString(StandardCharsets.UTF_8), whole, names);
    }

    /**
     * Chunked when the last transfer coding is chunked (HttpClient refuses {@code gzip, chunked}); to the end of
     * the connection for other transfer codings; else as HttpClient reads it (Content-Length).
     */
    private static long bodyLength(HttpMessage message) throws HttpException {
        String last = null;
        for (Header h : message.getHeaders(HttpHeaders.TRANSFER_ENCODING)) {
            for (String coding : h.getValue().split(",")) {
                last = coding.isBlank() ? last : coding.trim();
            }
        }
        if (last == null) {
            return DefaultContentLengthStrategy.INSTANCE.determineLength(message);
        }
        return last.equalsIgnoreCase("chunked") ? ContentLengthStrategy.CHUNKED : ContentLengthStrategy.UNDEFINED;
    }

    /** A transfer coding HttpClient leaves alone ({@code Transfer-Encoding: gzip, chunked}): undone here. */
    private static InputStream decoded(ClassicHttpResponse response, InputStream in) throws IOException {
        for (Header h : response.getHeaders(HttpHeaders.TRANSFER_ENCODING)) {
            for (String coding : h.getValue().split(",")) {
                String c = coding.trim().toLowerCase(Locale.ROOT);
                if (c.equals("gzip") || c.equals("x-gzip")) {
                    return new GZIPInputStream(in);
                }
            }
        }
        return in;
    }

    private static IOException classify(IOException e, boolean expired, boolean connected) {
        if (!connected) {
            if (e instanceof ConnectTimeoutException || expired) {
                return new NotReached("no connection in time");
            }
            if (e instanceof UnknownHostException) {
                return new NotReached("unknown host " + e.getMessage());
            }
            if (e instanceof java.net.SocketException) {
                String m = String.valueOf(e.getMessage()); // "Connect to http://host:port failed: Connection refused"
                return new NotReached(m.substring(m.lastIndexOf("failed: ") < 0 ? 0 : m.lastIndexOf("failed: ") + 8));
            }
        }
        if (expired || e instanceof java.net.SocketTimeoutException || e instanceof InterruptedIOException) {
            return new Silent("no answer in time");
        }
        return e; // it answered, but not in HTTP
    }

    @SuppressWarnings("deprecation") // the per-request connect timeout is what a probe needs
    private static RequestConfig config(Timeout timeout) {
        return RequestConfig.custom()
                .setConnectTimeout(timeout)
                .setResponseTimeout(timeout)
                .setConnectionRequestTimeout(timeout)
                .build();
    }

    private static URI uri(String host, int port, String path) throws IOException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return new URI("http", null, bare, port, path, null, null);
        } catch (URISyntaxException e) {
            throw new NotReached("not an address: " + host + ":" + port + path);
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException | RuntimeException e) {
            // the connection is dropped either way
        }
    }
}
