package org.talkhost.standin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;

import com.sun.net.httpserver.HttpServer;

/** Opens a listening port; when that fails, prints uvicorn's error line and ends start-up with exit code 1. */
final class Binding {
    static {
        // Without it the JDK's server delays every keep-alive answer on loopback by ~40 ms (Nagle +
        // delayed ACK); uvicorn sets TCP_NODELAY too. Read once, before the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private Binding() {}

    static HttpServer open(String host, int port, Console console, boolean uvicornInfo) throws StartupFailure {
        try {
            return HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            String errno = message.contains("in use")
                    ? "[Errno 98] error while attempting to bind on address ('" + host + "', " + port
                            + "): address already in use"
                    : message.contains("assign")
                            ? "[Errno 99] error while attempting to bind on address ('" + host + "', " + port
                                    + "): cannot assign requested address"
                            : "[Errno -2] Name or service not known";
            console.error("ERROR:    " + errno);
            if (uvicornInfo) {
                console.error("INFO:     Waiting for application shutdown.");
                console.error("INFO:     Application shutdown complete.");
            }
            throw new StartupFailure(errno, 1);
        }
    }
}
