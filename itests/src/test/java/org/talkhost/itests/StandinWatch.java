package org.talkhost.itests;

import java.util.Map;
import java.util.TreeMap;

/**
 * Watches the whole machine for stand-in server processes while a scenario runs (every 100 ms), so that
 * a second server that lived only briefly is seen too.
 */
final class StandinWatch implements AutoCloseable {
    private final Map<Long, String> seen = new TreeMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    StandinWatch() {
        thread = new Thread(this::run, "scenario-standin-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            for (ProcessHandle h : StandinProcesses.all()) {
                String who =
                        "parent " + h.parent().map(p -> Long.toString(p.pid())).orElse("?") + ": "
                                + StandinProcesses.commandLine(h);
                synchronized (seen) {
                    seen.putIfAbsent(h.pid(), who);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Every stand-in process seen so far: pid → parent and command line. */
    Map<Long, String> seen() {
        synchronized (seen) {
            return new TreeMap<>(seen);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
