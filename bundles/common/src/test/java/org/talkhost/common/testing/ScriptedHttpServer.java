package org.talkhost.common.testing;

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
import java.util.zip.GZIPOutputStream;

import org.talkhost.common.Threads;

/**
 * A socket server on a free loopback port that answers every request with bytes written by hand: for the
 * shapes real servers send and a careless client mis-reads (chunks, odd headers, 1xx, gzip transfer coding),
 * and for ones no server library makes (silence, a dripping body). Keeps the request heads it got.
 */
public final class ScriptedHttpServer implements AutoCloseable {

    /** Writes the answer to one request; {@code path} is the request's path. */
    public interface Script {
        void answer(String path, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(Threads.named("scripted-http"));
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** The request heads received, in order. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public ScriptedHttpServer(Script script) throws IOException {
        this(InetAddress.getByName("127.0.0.1"), script);
    }

    public ScriptedHttpServer(InetAddress address, Script script) throws IOException {
        socket = new ServerSocket(0, 50, address);
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    open.add(s);
                    threads.execute(() -> serve(s, script));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** Every request answered with these bytes. */
    public static ScriptedHttpServer answering(String raw) throws IOException {
        return new ScriptedHttpServer((path, out) -> out.write(raw.getBytes(StandardCharsets.ISO_8859_1)));
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve(Socket s, Script script) {
        try (s) {
            String head = readHead(s.getInputStream());
            if (head == null) {
                return;
            }
            requests.add(head);
            String[] line = head.split(" ", 3);
            script.answer(line.length > 1 ? line[1] : "/", s.getOutputStream());
            s.getOutputStream().flush();
            s.shutdownOutput();
            while (s.getInputStream().read() >= 0) {
                // until the client closes
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the test ended
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /** {@code text} in chunks of at most {@code size} bytes, with a chunk extension on the first. */
    public static String chunked(String text, int size) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i += size) {
            String part = text.substring(i, Math.min(text.length(), i + size));
            b.append(Integer.toHexString(part.length()))
                    .append(i == 0 ? ";note=x" : "")
                    .append("\r\n")
                    .append(part)
                    .append("\r\n");
        }
        return b.append("0\r\n\r\n").toString();
    }

    /** {@code text} gzipped, as ISO-8859-1 characters (one per byte). */
    public static String gzipped(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
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
