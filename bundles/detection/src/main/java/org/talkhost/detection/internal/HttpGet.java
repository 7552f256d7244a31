package org.talkhost.detection.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 GET over a plain socket, bounded by a deadline: all a probe needs, with no pool and no
 * retries. The ports bundle has a twin of this class (bundles must not share implementation code).
 */
final class HttpGet {
    private static final int MAX_BYTES = 256 * 1024;

    /** Nothing accepted the connection: refused, unreachable, or no connection before the deadline. */
    static final class NotReached extends IOException {
        NotReached(String message) {
            super(message);
        }
    }

    /** The connection was accepted but the answer did not come (whole) before the deadline. */
    static final class Silent extends IOException {
        Silent(String message) {
            super(message);
        }
    }

    /** @param headers the header lines as received (status line excluded), for {@link #hasHeader} */
    record Answer(int status, String body, String headers) {

        Answer(int status, String body) {
            this(status, body, "");
        }

        /** Whether a header of that name (any case) came with the answer. */
        boolean hasHeader(String name) {
            String wanted = name.toLowerCase(Locale.ROOT) + ":";
            return headers.lines().anyMatch(line -> line.toLowerCase(Locale.ROOT).startsWith(wanted));
        }
    }

    private HttpGet() {
    }

    static Answer get(String host, int port, String path, long deadlineNanos) throws IOException {
        try (Socket socket = new Socket()) {
            int left = millisLeft(deadlineNanos);
            if (left <= 0) {
                throw new NotReached("no time left to connect");
            }
            try {
                socket.connect(new InetSocketAddress(host, port), left);
            } catch (IOException e) {
                throw new NotReached(e instanceof SocketTimeoutException ? "no connection in time" : e.getMessage());
            }
            socket.setTcpNoDelay(true);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nAccept: */*\r\nUser-Agent: TalkHost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return parse(read(socket, deadlineNanos));
        }
    }

    private static byte[] read(Socket socket, long deadlineNanos) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1024);
        byte[] chunk = new byte[8192];
        while (buf.size() < MAX_BYTES) {
            int left = millisLeft(deadlineNanos);
            if (left <= 0) {
                throw new Silent(buf.size() == 0 ? "no answer in time" : "answer not complete in time");
            }
            socket.setSoTimeout(left);
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                throw new Silent(buf.size() == 0 ? "no answer in time" : "answer not complete in time");
            }
            if (n < 0) {
                break;
            }
            buf.write(chunk, 0, n);
            if (complete(buf.toByteArray())) {
                break;
            }
        }
        return buf.toByteArray();
    }

    /** Whether the bytes hold a whole response, by Content-Length or the last chunk. */
    static boolean complete(byte[] bytes) {
        int head = headEnd(bytes);
        if (head < 0) {
            return false;
        }
        String headers = new String(bytes, 0, head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (headers.contains("transfer-encoding: chunked")) {
            return unchunk(bytes, head + 4) != null;
        }
        int at = headers.indexOf("content-length:");
        if (at >= 0) {
            int end = headers.indexOf('\r', at);
            String value = headers.substring(at + 15, end < 0 ? headers.length() : end).trim();
            try {
                return bytes.length - head - 4 >= Long.parseLong(value);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return headers.startsWith("http/1.1 204") || headers.startsWith("http/1.1 304");
    }

    static Answer parse(byte[] bytes) throws ProtocolException {
        int head = headEnd(bytes);
        String text = new String(bytes, 0, head < 0 ? bytes.length : head, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/") || text.length() < 12) {
            throw new ProtocolException(bytes.length == 0 ? "closed the connection without an answer"
                    : "answered, but not in HTTP");
        }
        int status;
        try {
            status = Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new ProtocolException("answered, but not in HTTP");
        }
        if (head < 0) {
            return new Answer(status, "");
        }
        byte[] body = text.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")
                ? unchunk(bytes, head + 4) : null;
        int firstLine = text.indexOf("\r\n");
        String headers = firstLine < 0 ? "" : text.substring(firstLine + 2);
        return new Answer(status, body != null ? new String(body, StandardCharsets.UTF_8)
                : new String(bytes, head + 4, bytes.length - head - 4, StandardCharsets.UTF_8), headers);
    }

    /** The body of a chunked response starting at {@code from}, or null while the last chunk has not come. */
    private static byte[] unchunk(byte[] b, int from) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        int i = from;
        while (true) {
            int eol = indexOfCrLf(b, i);
            if (eol < 0) {
                return null;
            }
            String size = new String(b, i, eol - i, StandardCharsets.ISO_8859_1).split(";", 2)[0].trim();
            int n;
            try {
                n = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                return out.toByteArray();
            }
            if (n == 0) {
                return out.toByteArray();
            }
            if (eol + 2 + n > b.length) {
                return null;
            }
            out.write(b, eol + 2, n);
            i = eol + 2 + n + 2;
        }
    }

    private static int indexOfCrLf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int headEnd(byte[] b) {
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int millisLeft(long deadlineNanos) {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        return left <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, left);
    }
}
