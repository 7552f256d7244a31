package org.talkhost.environment.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one program with an argument list (never a shell), a time limit and captured output. On timeout
 * the program and its children are destroyed, and what they printed so far is kept.
 */
final class ProcessRunner {
    static final int MAX_OUTPUT = 256 * 1024;

    /** What a program did. {@code started} is false when it could not be run at all (see {@code error}). */
    record Outcome(boolean started, boolean timedOut, int exitCode, String out, String err, String error, long pid) {
        boolean succeeded() {
            return started && !timedOut && exitCode == 0;
        }

        /** The last line of stderr (where Python puts the error), else of stdout, else the start error. */
        String problemLine() {
            for (String s : new String[] {err, out, error}) {
                if (s != null && !s.isBlank()) {
                    String[] lines = s.strip().split("\\R");
                    return lines[lines.length - 1].strip();
                }
            }
            return "";
        }
    }

    Outcome run(List<String> command, Duration timeout) {
        return run(command, timeout, Map.of());
    }

    Outcome run(List<String> command, Duration timeout, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            return new Outcome(false, false, -1, "", "", e.getMessage(), 0);
        }
        try {
            p.getOutputStream().close();
        } catch (IOException e) {
            // nothing to tell a program that reads no input
        }
        Capture out = new Capture(p.getInputStream(), "talkhost-env-out-" + p.pid());
        Capture err = new Capture(p.getErrorStream(), "talkhost-env-err-" + p.pid());
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            // The program first, then what it started: killed the other way round, a shell script runs on to its
            // next line (and may print an answer) in the moment between the two.
            List<ProcessHandle> started = p.descendants().toList();
            p.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
            try {
                p.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Outcome(true, !finished, finished ? p.exitValue() : -1, out.text(), err.text(), null, p.pid());
    }

    /** Reads one stream on its own daemon thread, so that a full pipe never blocks the program. */
    private static final class Capture {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        Capture(InputStream in, String name) {
            thread = new Thread(
                    () -> {
                        byte[] buf = new byte[8192];
                        try (in) {
                            for (int n; (n = in.read(buf)) >= 0; ) {
                                synchronized (bytes) {
                                    if (bytes.size() < MAX_OUTPUT) {
                                        bytes.write(buf, 0, Math.min(n, MAX_OUTPUT - bytes.size()));
                                    }
                                }
                            }
                        } catch (IOException e) {
                            // the stream closed when the program was destroyed: keep what was read
                        }
                    },
                    name);
            thread.setDaemon(true);
            thread.start();
        }

        String text() {
            try {
                thread.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
