package org.talkhost.common.http;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.io.CloseMode;

/** An HttpClient and the connection pool it was built on, closed together (see {@code OnFirstUse}). */
public record PooledClient(PoolingHttpClientConnectionManager pool, CloseableHttpClient http) {

    /** Closes the client, then its pool, without waiting for exchanges under way. */
    public void close() {
        http.close(CloseMode.IMMEDIATE);
        pool.close(CloseMode.IMMEDIATE);
    }
}
