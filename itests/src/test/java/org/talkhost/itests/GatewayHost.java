package org.talkhost.itests;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;

/**
 * A real TalkHost (launcher, stand-in) whose gateway and AllTalk use free ports, never 7850-7856, and
 * raw HTTP/1.1 to either of them: requests go out byte for byte as written ({@code /audio/../x} stays so).
 */
final class GatewayHost implements AutoCloseable {
    /** One answer: status, headers (lower-case names, values joined), body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + headers + " " + (body.length > 300 ? body.length + " bytes" : text());
        }
    }

    final ScenarioHome home;
    final int gateway;
    final int[] allTalk;
    private final HostProcess host;

    private GatewayHost(ScenarioHome home, int gateway, int[] allTalk) {
        this.home = home;
        this.gateway = gateway;
        this.allTalk = allTalk;
        this.host = HostProcess.service(home);
    }

    /**
     * Starts TalkHost with the stand-in of {@code flavor} ({@code standinArgs} extra), the gateway
     * configured with {@code gatewayLines} on top of a free port.
     */
    static GatewayHost start(String flavor, String standinArgs, String... gatewayLines) {
        return start(flavor, standinArgs, TalkHostExam.freePort(), gatewayLines);
    }

    /** As {@link #start(String, String, String...)}, with the gateway on {@code gw}. */
    static GatewayHost start(String flavor, String standinArgs, int gw, String... gatewayLines) {
        int[] at = {TalkHostExam.freePort(), TalkHostExam.freePort()};
        ScenarioHome home = ScenarioHome.create();
        home.config(
                "org.talkhost.alltalk",
                "mode=\"standin\"",
                "standinFlavor=\"" + flavor + "\"",
                "standinArgs=\"--load-seconds 0 --no-ui " + standinArgs + "\"",
                "ports=I[\"" + at[0] + "\",\"" + at[1] + "\"]");
        List<String> gateway = new ArrayList<>(List.of("port=I\"" + gw + "\""));
        gateway.addAll(List.of(gatewayLines));
        home.config("org.talkhost.gateway", gateway.toArray(new String[0]));
        home.config(
                "org.apache.felix.http",
                "org.osgi.service.http.port=I\"" + gw + "\"",
                "org.apache.felix.http.host=\"127.0.0.1\"",
                "org.apache.felix.http.jetty.sendServerHeader=B\"false\"");
        return new GatewayHost(home, gw, at);
    }

    /** Waits until AllTalk answers Ready through the gateway. */
    GatewayHost awaitReady() {
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions()
                    .until(() -> "Ready".equals(get(gateway, "/api/ready").text()));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "AllTalk never answered Ready through the gateway on " + gateway + ". Console:\n"
                            + host.console().all() + host.logTail(),
                    e);
        }
        return this;
    }

    /** AllTalk's own port now (the one of the two that answers Ready). */
    int direct() {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            for (int p : allTalk) {
                                if ("Ready".equals(StandinRun.get(p, "/api/ready"))) {
                                    return p;
                                }
                            }
                            return 0;
                        },
                        p -> p > 0);
    }

    HostProcess process() {
        return host;
    }

    /** Runs a console command line through the control API (Gogo), with the control token. */
    Answer exec(String commandLine) {
        try {
            String token = Files.readString(home.resolve("runtime/control.token"), StandardCharsets.US_ASCII)
                    .trim();
            return send(
                    gateway,
                    "POST",
                    "/talkhost/api/exec",
                    commandLine.getBytes(StandardCharsets.UTF_8),
                    "Content-Type: text/plain",
                    "Authorization: Bearer " + token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id of the bundle whose symbolic name is {@code symbolicName}, from Gogo's {@code lb -s}. */
    long bundleId(String symbolicName) {
        String listing = exec("lb -s").text().replace("\\n", "\n");
        Matcher m = Pattern.compile("(\\d+)\\|[^|\\n]*\\|[^|\\n]*\\|\\s*" + Pattern.quote(symbolicName) + "\\b")
                .matcher(listing);
        if (!m.find()) {
            throw new AssertionError("no bundle " + symbolicName + " in: " + listing);
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public void close() {
        host.close();
        home.close();
    }

    static Answer get(int port, String target, String... headers) throws IOException {
        return send(port, "GET", target, null, headers);
    }

    /** {@code METHOD target HTTP/1.1} to 127.0.0.1:port on a connection of its own, as written. */
    static Answer send(int port, String method, String target, byte[] body, String... headers) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(120_000);
            StringBuilder head = new StringBuilder(
                    method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
            for (String h : headers) {
                head.append(h).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            OutputStream out = s.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (body == null) {
                return read(s.getInputStream());
            }
            // As a browser or curl does: the body is sent while the answer is read, so a server that
            // refuses a body early (413) and closes is heard, not met with a broken pipe.
            IOException[] writeFailure = new IOException[1];
            Thread writer = new Thread(
                    () -> {
                        try {
                            out.write(body);
                            out.flush();
                        } catch (IOException e) {
                            writeFailure[0] = e;
                        }
                    },
                    "send body to " + port);
            writer.setDaemon(true);
            writer.start();
            try {
                return read(s.getInputStream()); // closing the socket then ends the writer too
            } catch (IOException e) {
                writer.join(10_000);
                if (writeFailure[0] != null) {
                    e.addSuppressed(writeFailure[0]);
                }
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending to " + port, e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("the connection closed without an answer");
        }
        Map<String, String> headers = new TreeMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.merge(
                    l.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    l.substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int n = Integer.parseInt(line(in).split(";")[0].strip(), 16);
                    n > 0;
                    n = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(n));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
}
