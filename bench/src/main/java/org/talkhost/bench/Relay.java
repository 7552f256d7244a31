package org.talkhost.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor of any proxy on this machine: a plain TCP relay that copies bytes between each client connection
 * and one connection of its own to AllTalk, two threads per connection, no HTTP at all. Whatever a real proxy
 * does on top (parsing, routing, holding, metrics) only adds to what this one costs. Runs as a process of its
 * own, with the JVM options of {@code ./talkhost}, so that its CPU time is counted apart.
 */
final class Relay {
    private Relay() {}

    /** {@code java -cp bench/target/classes org.talkhost.bench.Relay TARGET_PORT}: prints "relay on PORT". */
    public static void main(String[] args) throws IOException {
        int target = Integer.parseInt(args[0]);
        try (ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress())) {
            System.out.println("relay on " + server.getLocalPort());
            System.out.flush();
            while (true) {
                Socket client = server.accept();
                Socket upstream = new Socket();
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 5000);
                pump(client, upstream);
                pump(upstream, client);
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, n);
                        }
                    } catch (IOException e) {
                        // one side closed
                    } finally {
                        close(from);
                        close(to);
                    }
                },
                "relay");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Starts a relay to {@code targetPort} as its own process; its port is {@link Started#port}. */
    static Started start(Path source, int targetPort) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Proc.java());
        command.addAll(HostRun.jvmOptions(source));
        command.removeIf(o -> o.startsWith("-XX:SharedArchiveFile")); // the host's archive, not ours
        command.addAll(List.of(
                "-cp", source.resolve("bench/target/classes").toString(), Relay.class.getName(), "" + targetPort));
        Process p = Proc.start(command);
        String line = Proc.awaitLine(p, l -> l.startsWith("relay on "), 10_000);
        if (line == null) {
            p.destroyForcibly();
            throw new IOException("the relay did not start");
        }
        return new Started(
                p, Integer.parseInt(line.substring("relay on ".length()).trim()));
    }

    record Started(Process process, int port) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            Proc.stop(process);
        }
    }
}
