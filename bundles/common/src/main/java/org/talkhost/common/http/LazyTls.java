package org.talkhost.common.http;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * TLS made only when an https address is first used. HttpClient's default builds the JDK's TLS context when
 * a connection pool is built (loading the security providers and reading the trust store: about 80 ms of
 * every start on a small machine); TalkHost speaks plain HTTP to AllTalk, so that is almost never needed.
 */
public final class LazyTls implements TlsSocketStrategy {
    /** The one shared instance: its TLS context, once made, serves every pool. */
    public static final LazyTls INSTANCE = new LazyTls();

    private LazyTls() {}

    /** Made on first use by the class loader's own lazy, thread-safe initialisation. */
    private static final class Default {
        static final TlsSocketStrategy STRATEGY = DefaultClientTlsStrategy.createDefault();
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return Default.STRATEGY.upgrade(socket, target, port, attachment, context);
    }
}
