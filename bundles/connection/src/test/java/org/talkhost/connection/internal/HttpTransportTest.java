package org.talkhost.connection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.talkhost.api.client.BusyException;
import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.client.UnavailableException;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpTransportTest {
    private static final Duration SHORT = Duration.ofMillis(400);

    private final HttpTransport transport = new HttpTransport(Duration.ofSeconds(2));
    private final CountDownLatch testOver = new CountDownLatch(1);

    @AfterEach
    void close() {
        testOver.countDown();
        transport.close();
    }

    @Test
    void readsAPlainTextBodyThatHasNoContentType() throws Exception {
        try (FakeServer server = new FakeServer().answer("GET /api/ready", 200, null, "Ready")) {
            Answer a = transport.exchange(get(server.port(), "/api/ready"), SHORT, BodyReader.TEXT_LIMIT);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.text()).isEqualTo("Ready");
            assertThat(a.where()).isEqualTo("127.0.0.1:" + server.port());
        }
    }

    @Test
    void aServerThatNeverAnswersGivesBusyWithinTheTimeout() throws Exception {
        try (RawServer server = new RawServer(out -> testOver.await())) {
            long start = System.nanoTime();
            BusyException e = catchThrowableOfType(
                    BusyException.class,
                    () -> transport.exchange(get(server.port(), "/api/ready"), SHORT, BodyReader.TEXT_LIMIT));
            assertThat(elapsed(start)).isBetween(SHORT.minusMillis(50), SHORT.plusMillis(800));
            assertThat(e.getMessage())
                    .contains("did not answer within 0.4 seconds")
                    .contains("busy making speech");
            assertThat(e.detail()).contains("GET /api/ready");
        }
    }

    @Test
    void anAnswerThatDripsInIsCutOffAtTheDeadlineNotJustBetweenBytes() throws Exception {
        try (RawServer server = new RawServer(out -> {
            out.write(RawServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"));
            for (int i = 0; i < 100000; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(20);
            }
        })) {
            long start = System.nanoTime();
            assertThatThrownBy(
                            () -> transport.exchange(get(server.port(), "/api/voices"), SHORT, BodyReader.TEXT_LIMIT))
                    .isInstanceOf(BusyException.class);
            assertThat(elapsed(start)).isLessThan(SHORT.plusMillis(800));
        }
    }

    @Test
    void anEndlessAnswerIsRefusedAtTheSizeLimitWithoutReadingTheRest() throws Exception {
        try (RawServer server = new RawServer(out -> {
            out.write(RawServer.ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
            byte[] chunk = new byte[65536];
            while (true) {
                out.write(RawServer.ascii(Integer.toHexString(chunk.length) + "\r\n"));
                out.write(chunk);
                out.write(RawServer.ascii("\r\n"));
            }
        })) {
            ServerFailureException e = catchThrowableOfType(
                    ServerFailureException.class,
                    () -> transport.exchange(
                            get(server.port(), "/api/voices"), Duration.ofSeconds(5), BodyReader.TEXT_LIMIT));
            assertThat(e.getMessage()).contains("larger than 1 MiB").contains("Something other than AllTalk");
            assertThat(e.status()).isEqualTo(200);
        }
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedAtOnce() throws Exception {
        try (RawServer server = new RawServer(out -> {
            out.write(RawServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 5000000\r\n\r\n"));
            testOver.await();
        })) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> transport.exchange(
                            get(server.port(), "/api/voices"), Duration.ofSeconds(5), BodyReader.TEXT_LIMIT))
                    .isInstanceOf(ServerFailureException.class)
                    .hasMessageContaining("1 MiB");
            assertThat(elapsed(start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aCutOffAnswerIsAServerFailure() throws Exception {
        try (RawServer server = new RawServer(out -> {
            out.write(RawServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"voices\":["));
        })) {
            ServerFailureException e = catchThrowableOfType(
                    ServerFailureException.class,
                    () -> transport.exchange(get(server.port(), "/api/voices"), SHORT, BodyReader.TEXT_LIMIT));
            assertThat(e.getMessage()).contains("stopped in the middle of its answer");
        }
    }

    @Test
    void aRefusedConnectionIsUnavailableAndCountsAsAFailureToConnect() throws Exception {
        int port = freePort();
        UnavailableException e = catchThrowableOfType(
                UnavailableException.class,
                () -> transport.exchange(get(port, "/api/ready"), SHORT, BodyReader.TEXT_LIMIT));
        assertThat(e.getMessage())
                .isEqualTo(
                        "AllTalk isn't answering on 127.0.0.1:" + port + ". It may still be "
                                + "loading its voice model or it may have stopped. TalkHost keeps trying; check alltalk:status.");
        assertThat(IoFailures.isConnectFailure(e)).isTrue();
    }

    @Test
    void aServerThatClosesWithoutAnsweringIsUnavailableButNotAFailureToConnect() throws Exception {
        try (RawServer server = new RawServer(out -> {})) {
            UnavailableException e = catchThrowableOfType(
                    UnavailableException.class,
                    () -> transport.exchange(get(server.port(), "/api/voices"), SHORT, BodyReader.TEXT_LIMIT));
            assertThat(e.getMessage()).contains("broke before it answered");
            assertThat(IoFailures.isConnectFailure(e)).isFalse();
        }
    }

    @Test
    void oneConnectionServesCallAfterCall() throws Exception {
        try (RawServer server = new RawServer(
                out -> out.write(RawServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nReady")), true)) {
            for (int i = 0; i < 20; i++) {
                assertThat(transport
                                .exchange(get(server.port(), "/api/ready"), SHORT, BodyReader.TEXT_LIMIT)
                                .text())
                        .isEqualTo("Ready");
            }
            assertThat(server.connections).hasValue(1);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static HttpGet get(int port, String path) {
        return new HttpGet(URI.create("http://127.0.0.1:" + port + path));
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
