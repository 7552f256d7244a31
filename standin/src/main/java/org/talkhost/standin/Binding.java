package org.talkhost.standin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

    /**
     * Answers one request on a throwaway port of its own, so that the JDK's HTTP server code is loaded before the
     * real port opens: uvicorn answers the moment its port is open, and so does the stand-in then (its first answer
     * came about 50 ms after the port opened, all of it class loading). Nothing of it is seen or counted.
     */
    static void warmUp() {
        try {
            HttpServer warm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            warm.createContext("/", ex -> {
                ex.getRequestBody().readAllBytes();
                byte[] body = "Ready".getBytes(StandardCharsets.US_ASCII);
                ex.getResponseHeaders().add("Content-Type", "text/plain");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            warm.start();
            try (Socket s = new Socket(
                    InetAddress.getLoopbackAddress(), warm.getAddress().getPort())) {
                s.setSoTimeout(2_000);
                s.getOutputStream()
                        .write("GET /api/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                s.getInputStream().readAllBytes();
            } finally {
                warm.stop(0);
            }
        } catch (IOException | RuntimeException e) {
            // only a head start: the real port works the same without it
        }
    }

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
