package org.talkhost.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talkhost.api.detection.Endpoint;
import org.talkhost.api.detection.ReadyState;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.common.testing.ScriptedHttpServer;

/**
 * AllTalk v2 answering in the shapes HTTP allows and real servers and proxies use: each must still be
 * found ready and told apart as v2.
 */
class EndpointProbeShapesTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private final EndpointProbe probe = new EndpointProbe();

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void chunkedWithExtensionsAndWordsSplitAcrossChunks() throws Exception {
        assertV2Ready(shaped(
                body -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + ScriptedHttpServer.chunked(body, 3)));
    }

    @Test
    void headersNamedLikeContentLengthAreNotContentLength() throws Exception {
        assertV2Ready(new ScriptedHttpServer((path, out) -> {
            String body = body(path);
            out.write(("HTTP/1.1 200 OK\r\nX-Content-Length: 0\r\nContent-Length: " + body.length() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(30); // the body comes in a later packet
            out.write(body.getBytes(StandardCharsets.ISO_8859_1));
        }));
    }

    @Test
    void gzipTransferCodingUnderChunks() throws Exception {
        assertV2Ready(shaped(body -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                + ScriptedHttpServer.chunked(ScriptedHttpServer.gzipped(body), 5)));
    }

    @Test
    void interimAnswersBeforeTheRealOne() throws Exception {
        assertV2Ready(shaped(body -> "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body));
    }

    @Test
    void headersWithoutSpacesAndInOtherCases() throws Exception {
        assertV2Ready(shaped(
                body -> "HTTP/1.1 200 OK\r\nTRANSFER-ENCODING:chunked\r\n\r\n" + ScriptedHttpServer.chunked(body, 4)));
    }

    @Test
    void anIpv6LoopbackServerGetsAHostHeaderWithBrackets() throws Exception {
        InetAddress v6;
        try {
            v6 = InetAddress.getByName("::1");
            new java.net.ServerSocket(0, 1, v6).close();
        } catch (IOException e) {
            v6 = null;
        }
        assumeTrue(v6 != null, "no IPv6 loopback on this machine");
        try (ScriptedHttpServer server = new ScriptedHttpServer(v6, (path, out) -> {
            String body = body(path);
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
        })) {
            Endpoint e = probe.probe("::1", server.port(), TIMEOUT);

            assertThat(e.ready()).isEqualTo(ReadyState.READY);
            assertThat(e.kind()).isEqualTo(ServerKind.V2);
            assertThat(server.requests)
                    .allSatisfy(
                            head -> assertThat(head).containsIgnoringCase("\r\nHost: [::1]:" + server.port() + "\r\n"));
        }
    }

    private interface Shape {
        String answer(String body) throws IOException;
    }

    private static ScriptedHttpServer shaped(Shape shape) throws IOException {
        return new ScriptedHttpServer(
                (path, out) -> out.write(shape.answer(body(path)).getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String body(String path) {
        return path.equals("/api/ready")
                ? "Ready"
                : path.equals("/api/currentsettings")
                        ? FakeAllTalk.V2_SETTINGS.replace("ché", "che").replace("ünïcode", "unicode")
                        : "{\"detail\":\"Not Found\"}";
    }

    private void assertV2Ready(ScriptedHttpServer server) throws IOException {
        try (server) {
            Endpoint e = probe.probe("127.0.0.1", server.port(), TIMEOUT);

            assertThat(e.ready()).as(e.detail()).isEqualTo(ReadyState.READY);
            assertThat(e.kind()).as(e.detail()).isEqualTo(ServerKind.V2);
        }
    }
}
