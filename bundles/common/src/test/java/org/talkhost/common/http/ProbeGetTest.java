package org.talkhost.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talkhost.common.testing.ScriptedHttpServer;

class ProbeGetTest {
    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private final ProbeGet http = new ProbeGet("test-probe", 1024);

    @AfterEach
    void close() {
        http.close();
    }

    private ProbeGet.Answer get(ScriptedHttpServer server) throws Exception {
        return http.get("127.0.0.1", server.port(), "/api/ready", System.nanoTime() + TIMEOUT.toNanos());
    }

    @Test
    void chunksAreJoinedWhateverTheirSizesAndExtensions() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.answering("HTTP/1.1 200 OK\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + ScriptedHttpServer.chunked("Ready, and 10 more words", 1))) {
            assertThat(get(server))
                    .usingRecursiveComparison()
                    .ignoringFields("headerNames")
                    .isEqualTo(new ProbeGet.Answer(200, "Ready, and 10 more words", true));
        }
    }

    @Test
    void gzipAsContentOrAsTransferCodingIsUndone() throws Exception {
        String gz = ScriptedHttpServer.gzipped("Ready");
        try (ScriptedHttpServer content = ScriptedHttpServer.answering("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n"
                        + "Content-Length: " + gz.length() + "\r\n\r\n" + gz);
                ScriptedHttpServer transfer = ScriptedHttpServer.answering("HTTP/1.1 200 OK\r\n"
                        + "Transfer-Encoding: gzip, chunked\r\n\r\n" + ScriptedHttpServer.chunked(gz, 6))) {
            assertThat(get(content).body()).isEqualTo("Ready");
            assertThat(get(transfer).body()).isEqualTo("Ready");
        }
    }

    @Test
    void interimAnswersAreSkipped() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.answering("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno")) {
            assertThat(get(server))
                    .usingRecursiveComparison()
                    .ignoringFields("headerNames")
                    .isEqualTo(new ProbeGet.Answer(404, "no", true));
        }
    }

    @Test
    void onlyTheContentLengthHeaderCounts() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((path, out) -> {
            out.write("HTTP/1.1 200 OK\r\nx-content-length: 0\r\ncontent-length: 5\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(30);
            out.write("Ready".getBytes(StandardCharsets.ISO_8859_1));
        })) {
            assertThat(get(server).body()).isEqualTo("Ready");
        }
    }

    @Test
    void aBodyIsReadUpToTheLimit() throws Exception {
        String big = "x".repeat(5000);
        try (ScriptedHttpServer server =
                ScriptedHttpServer.answering("HTTP/1.1 200 OK\r\nContent-Length: " + big.length() + "\r\n\r\n" + big)) {
            ProbeGet.Answer a = get(server);
            assertThat(a.body()).hasSize(1024);
            assertThat(a.whole()).isTrue();
        }
    }

    @Test
    void aBodyStillDrippingAtTheDeadlineComesBackAsFarAsItCame() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((path, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nRe".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(5_000);
        })) {
            long start = System.nanoTime();
            ProbeGet.Answer a = get(server);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(TIMEOUT.minusMillis(50), TIMEOUT.plusMillis(300));
            assertThat(a)
                    .usingRecursiveComparison()
                    .ignoringFields("headerNames")
                    .isEqualTo(new ProbeGet.Answer(200, "Re", false));
        }
    }

    @Test
    void anAcceptedConnectionWithoutAnswerIsSilentAtTheDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress("127.0.0.1", 0), 50);
            long start = System.nanoTime();
            assertThatThrownBy(() -> http.get("127.0.0.1", silent.getLocalPort(), "/", start + TIMEOUT.toNanos()))
                    .isInstanceOf(ProbeGet.Silent.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(TIMEOUT.minusMillis(50), TIMEOUT.plusMillis(300));
        }
    }

    @Test
    void aClosedPortIsNotReachedAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> http.get("127.0.0.1", port, "/", start + TIMEOUT.toNanos()))
                .isInstanceOf(ProbeGet.NotReached.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void somethingThatIsNotHttpIsNeitherSilentNorUnreached() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.answering("SSH-2.0-OpenSSH_9.2\r\n")) {
            assertThatThrownBy(() -> get(server)).isNotInstanceOfAny(ProbeGet.Silent.class, ProbeGet.NotReached.class);
        }
    }
}
