package org.talkhost.connection.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.talkhost.common.Threads;

/**
 * A socket server on a free 127.0.0.1 port that answers each connection with a script: for the shapes
 * an HTTP server library will not make (no answer at all, a body that drips, a cut-off body).
 */
final class RawServer implements AutoCloseable {

    interface Script {
        void answer(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(Threads.named("raw-server"));
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();

    RawServer(Script script) throws IOException {
        this(script, false);
    }

    /** @param keepAlive answer request after request on one connection (else one answer, then close) */
    RawServer(Script script, boolean keepAlive) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    connections.incrementAndGet();
                    open.add(s);
                    threads.execute(() -> serve(s, script, keepAlive));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    private static void serve(Socket s, Script script, boolean keepAlive) {
        try (s) {
            do {
                if (!readHead(s.getInputStream())) {
                    return;
                }
                script.answer(s.getOutputStream());
                s.getOutputStream().flush();
            } while (keepAlive);
        } catch (IOException | InterruptedException e) {
            // the client went away or the test ended
        }
    }

    /** Reads the request head (up to the blank line); false at the end of the connection. */
    private static boolean readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                return true;
            }
        }
        return false;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
        threads.shutdownNow();
    }
}
