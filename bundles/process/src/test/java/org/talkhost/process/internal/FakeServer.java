package org.talkhost.process.internal;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

/**
 * A tiny AllTalk-like server for tests, run as a real child process ({@code java -jar fake.jar}, built by
 * {@link TestJars}): loads for a while, then answers {@code GET /api/ready}. Options imitate failures.
 * It ends by itself after {@code --max-life-s} (default 120) so that a broken test leaves nothing behind.
 */
public final class FakeServer {
    private FakeServer() {}

    public static void main(String[] args) throws Exception {
        int port = 0;
        long loadMs = 300;
        int exitDuringLoad = -1;
        long crashAfterMs = -1;
        long slowTermMs = 0;
        long maxLifeS = 120;
        boolean spawnHelper = false;
        boolean unloaded = false;
        List<String> prints = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--load-ms" -> loadMs = Long.parseLong(args[++i]);
                case "--print" -> prints.add(args[++i]);
                case "--exit-during-load" -> exitDuringLoad = Integer.parseInt(args[++i]);
                case "--crash-after-ms" -> crashAfterMs = Long.parseLong(args[++i]);
                case "--slow-term-ms" -> slowTermMs = Long.parseLong(args[++i]);
                case "--max-life-s" -> maxLifeS = Long.parseLong(args[++i]);
                case "--spawn-helper" -> spawnHelper = true;
                case "--unloaded" -> unloaded = true;
                case "--flavor", "--dir" -> i++;
                default -> System.out.println("ignored option " + args[i]);
            }
        }
        System.out.println("fake AllTalk pid " + ProcessHandle.current().pid() + " port " + port);
        System.out.println("env MKL_THREADING_LAYER=" + System.getenv("MKL_THREADING_LAYER") + " PYTHONUNBUFFERED="
                + System.getenv("PYTHONUNBUFFERED"));
        System.out.println("cwd " + System.getProperty("user.dir"));
        long life = maxLifeS;
        Thread reaper = new Thread(() -> {
            sleep(life * 1000);
            Runtime.getRuntime().halt(99);
        });
        reaper.setDaemon(true);
        reaper.start();
        if (slowTermMs > 0) {
            long ms = slowTermMs;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> sleep(ms)));
        }
        if (spawnHelper) {
            Process helper = new ProcessBuilder("sleep", Long.toString(maxLifeS)).start();
            System.out.println("helper pid " + helper.pid());
        }
        for (String line : prints) {
            System.out.println(line);
        }
        System.out.flush();
        if (exitDuringLoad >= 0) {
            System.exit(exitDuringLoad);
        }
        sleep(loadMs);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        String body = unloaded ? "Unloaded" : "Ready";
        server.createContext("/api/ready", ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
        System.out.println("listening on 127.0.0.1:" + port);
        System.out.flush();
        if (crashAfterMs >= 0) {
            sleep(crashAfterMs);
            System.out.println("crashing on purpose");
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
