package org.talkhost.gateway.internal;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One request as the servlet container hands it to the gateway, and what the client gets back (status,
 * headers, body): the request and response are Mockito mocks that behave like a container's.
 */
final class Exchange {
    final HttpServletRequest request = mock(HttpServletRequest.class);
    final HttpServletResponse response = mock(HttpServletResponse.class);
    private final Map<String, List<String>> sent = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int status = 200;
    private boolean bodyRead;

    /**
     * {@code METHOD /raw/path?query} with {@code headers} as "Name: value" lines and {@code body}; the
     * Content-Length is declared unless a "Transfer-Encoding: chunked" header says otherwise.
     */
    Exchange(String method, String target, byte[] body, String... headers) throws IOException {
        int q = target.indexOf('?');
        Map<String, List<String>> in = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String h : headers) {
            int colon = h.indexOf(':');
            in.computeIfAbsent(h.substring(0, colon).strip(), k -> new ArrayList<>())
                    .add(h.substring(colon + 1).strip());
        }
        in.putIfAbsent("Host", List.of("127.0.0.1:7850"));
        boolean chunked = in.containsKey("Transfer-Encoding");
        if (!chunked) {
            in.put("Content-Length", List.of(String.valueOf(body.length)));
        }
        when(request.getMethod()).thenReturn(method);
        when(request.getRequestURI()).thenReturn(q < 0 ? target : target.substring(0, q));
        when(request.getQueryString()).thenReturn(q < 0 ? null : target.substring(q + 1));
        when(request.getScheme()).thenReturn("http");
        when(request.getLocalAddr()).thenReturn("127.0.0.1");
        when(request.getLocalPort()).thenReturn(7850);
        when(request.getContentLengthLong()).thenReturn(chunked ? -1L : body.length);
        when(request.getHeaderNames()).thenAnswer(i -> Collections.enumeration(new ArrayList<>(in.keySet())));
        when(request.getHeader(anyString())).thenAnswer(i -> {
            List<String> v = in.get(i.getArgument(0, String.class));
            return v == null ? null : v.get(0);
        });
        when(request.getHeaders(anyString()))
                .thenAnswer(i -> Collections.enumeration(in.getOrDefault(i.getArgument(0, String.class), List.of())));
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        when(request.getInputStream()).thenAnswer(i -> {
            bodyRead = true;
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener l) {}
            };
        });

        doAnswer(i -> status = i.getArgument(0)).when(response).setStatus(anyInt());
        when(response.getStatus()).thenAnswer(i -> status);
        doAnswer(i -> sent.put(i.getArgument(0), new ArrayList<>(List.of(i.<String>getArgument(1)))))
                .when(response)
                .setHeader(anyString(), anyString());
        doAnswer(i -> sent.computeIfAbsent(i.getArgument(0), k -> new ArrayList<>())
                        .add(i.getArgument(1)))
                .when(response)
                .addHeader(anyString(), anyString());
        when(response.containsHeader(anyString())).thenAnswer(i -> sent.containsKey(i.<String>getArgument(0)));
        doAnswer(i -> sent.put("Content-Type", List.of(i.<String>getArgument(0))))
                .when(response)
                .setContentType(anyString());
        doAnswer(i -> sent.put("Content-Length", List.of(String.valueOf(i.<Integer>getArgument(0)))))
                .when(response)
                .setContentLength(anyInt());
        doAnswer(i -> sent.put("Content-Length", List.of(String.valueOf(i.<Long>getArgument(0)))))
                .when(response)
                .setContentLengthLong(anyLong());
        doAnswer(i -> {
                    out.reset();
                    return null;
                })
                .when(response)
                .resetBuffer();
        doAnswer(i -> {
                    out.reset();
                    sent.clear();
                    status = 200;
                    return null;
                })
                .when(response)
                .reset();
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener l) {}
        };
        when(response.getOutputStream()).thenReturn(stream);
        when(response.isCommitted()).thenReturn(false);
    }

    static Exchange get(String target, String... headers) throws IOException {
        return new Exchange("GET", target, new byte[0], headers);
    }

    static Exchange post(String target, String body, String... headers) throws IOException {
        return new Exchange("POST", target, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The status the client gets (200 when nothing set one). */
    int status() {
        return status;
    }

    /** The first value of response header {@code name}, or null. */
    String header(String name) {
        List<String> v = sent.get(name);
        return v == null ? null : v.get(0);
    }

    /** Every response header name the client gets. */
    List<String> headerNames() {
        return new ArrayList<>(sent.keySet());
    }

    List<String> headers(String name) {
        return sent.getOrDefault(name, List.of());
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    String text() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** True once the gateway opened the request body. */
    boolean bodyRead() {
        return bodyRead;
    }
}
