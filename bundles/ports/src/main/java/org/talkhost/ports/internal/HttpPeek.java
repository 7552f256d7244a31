package org.talkhost.ports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who answers on a port: one HTTP GET over a plain socket, bounded by a deadline. Only the status and a
 * glance at the body are needed, so this is a smaller cousin of the detection bundle's full probe
 * (bundles share no implementation code).
 */
final class HttpPeek {
    private static final Pattern LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("^HTTP/\\d(?:\\.\\d)? (\\d{3})");
    private static final Pattern CHUNK_SIZE = Pattern.compile("(?m)^[0-9a-fA-F]+\r\n");

    /** Nothing accepted the connection (refused, unreachable, or not in time). */
    static final class NotReached extends IOException {
        NotReached(String message) {
            super(message);
        }
    }

    /** Accepted, but nothing came back in time. */
    static final class Silent extends IOException {
        Silent() {
            super("no answer in time");
        }
    }

    record Answer(int status, String body) {
    }

    private HttpPeek() {
    }

    static Answer get(String host, int port, String path, long deadline) throws IOException {
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(host, port), Math.max(1, millisLeft(deadline)));
            } catch (IOException e) {
                throw new NotReached(e.getMessage());
            }
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nUser-Agent: TalkHost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (buf.size() < 65536 && !complete(buf.toString(StandardCharsets.ISO_8859_1))) {
                socket.setSoTimeout(Math.max(1, millisLeft(deadline)));
                int n;
                try {
                    n = millisLeft(deadline) > 0 ? in.read(chunk) : -2;
                } catch (SocketTimeoutException e) {
                    n = -2;
                }
                if (n == -2 && buf.size() == 0) {
                    throw new Silent();
                }
                if (n < 0) {
                    break; // closed, or slow after the first bytes: what came is enough for a peek
                }
                buf.write(chunk, 0, n);
            }
            return parse(buf.toString(StandardCharsets.UTF_8));
        }
    }

    private static boolean complete(String text) {
        int head = text.indexOf("\r\n\r\n");
        if (head < 0) {
            return false;
        }
        Matcher length = LENGTH.matcher(text.substring(0, head));
        return length.find() ? text.length() - head - 4 >= Long.parseLong(length.group(1)) : text.endsWith("0\r\n\r\n");
    }

    private static Answer parse(String text) throws ProtocolException {
        Matcher status = STATUS.matcher(text);
        if (!status.find()) {
            throw new ProtocolException(text.isEmpty() ? "closed without an answer" : "not HTTP");
        }
        int head = text.indexOf("\r\n\r\n");
        String body = head < 0 ? "" : text.substring(head + 4);
        if (head > 0 && text.substring(0, head).toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = CHUNK_SIZE.matcher(body).replaceAll("");
        }
        return new Answer(Integer.parseInt(status.group(1)), body);
    }

    private static int millisLeft(long deadline) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, (deadline - System.nanoTime()) / 1_000_000));
    }
}
