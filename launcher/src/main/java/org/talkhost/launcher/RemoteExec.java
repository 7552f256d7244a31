package org.talkhost.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code ./talkhost --exec} as a client: when a TalkHost already runs in this home, the command goes to
 * it ({@code POST /talkhost/api/exec} with the control token) instead of booting a second framework
 * that would race the first. The notices it causes are printed as they arrive (on stderr, as a
 * one-shot run prints them), then the command's output; the exit status is the command's.
 */
final class RemoteExec {
    private static final int CONNECT_MILLIS = 500;
    private static final int READ_MILLIS = 15 * 60 * 1000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final PrintStream err;

    RemoteExec(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs {@code command} in the TalkHost running in {@code home}; empty when none runs or answers. */
    static OptionalInt tryRunning(Path home, String command, PrintStream out, PrintStream err) {
        Optional<RunningHost> host = RunningHost.in(home);
        if (host.isEmpty()) {
            return OptionalInt.empty();
        }
        return new RemoteExec(out, err).run(host.get(), command);
    }

    OptionalInt run(RunningHost host, String command) {
        HttpURLConnection c;
        try {
            c = (HttpURLConnection) host.api.resolve("exec").toURL().openConnection();
            c.setConnectTimeout(CONNECT_MILLIS);
            c.setReadTimeout(READ_MILLIS);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Authorization", "Bearer " + host.token);
            c.setRequestProperty("Content-Type", "text/plain; charset=utf-8");
            c.setRequestProperty("Accept", "application/x-ndjson");
            byte[] body = command.getBytes(StandardCharsets.UTF_8);
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream o = c.getOutputStream()) {
                o.write(body);
            }
        } catch (ConnectException | SocketTimeoutException e) {
            return OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        try {
            int code = c.getResponseCode();
            if (code != 200) {
                InputStream es = c.getErrorStream();
                String said = es == null ? "" : new String(es.readAllBytes(), StandardCharsets.UTF_8).trim();
                err.println("talkhost: the running TalkHost (process " + host.pid + ") refused the command: "
                        + (said.isEmpty() ? "HTTP " + code : said));
                return OptionalInt.of(1);
            }
            return OptionalInt.of(read(c.getInputStream()));
        } catch (IOException e) {
            err.println("talkhost: the running TalkHost (process " + host.pid + ") stopped answering while \"" + command
                    + "\" ran (" + e.getMessage() + "). See its log/talkhost.log.");
            return OptionalInt.of(1);
        }
    }

    /** Prints each streamed line as it comes; returns the final status. */
    int read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            Map<?, ?> m = (Map<?, ?>) MiniJson.parse(line);
            Object notice = m.get("notice");
            if (notice instanceof Map) {
                err.println(noticeLine((Map<?, ?>) notice));
                err.flush();
            } else if (m.containsKey("status")) {
                String output = String.valueOf(m.get("output"));
                if (!output.isEmpty()) {
                    out.println(output);
                }
                out.flush();
                return ((Number) m.get("status")).intValue();
            }
        }
        err.println("talkhost: the running TalkHost ended the answer before saying how the command went.");
        return 1;
    }

    /** A notice as the console prints it: {@code [12:03:07] Warning: text}. */
    static String noticeLine(Map<?, ?> n) {
        String time;
        try {
            time = LocalTime.ofInstant(Instant.parse(String.valueOf(n.get("time"))), ZoneId.systemDefault())
                    .format(CLOCK);
        } catch (RuntimeException e) {
            time = LocalTime.now().format(CLOCK);
        }
        String level = String.valueOf(n.get("level"));
        String prefix = "WARNING".equals(level) ? "Warning: " : "ERROR".equals(level) ? "Problem: " : "";
        return "[" + time + "] " + prefix + n.get("text");
    }
}
