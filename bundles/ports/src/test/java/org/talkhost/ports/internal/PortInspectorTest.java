package org.talkhost.ports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talkhost.api.ports.PortHolder;
import org.talkhost.common.testing.ScriptedHttpServer;

/** Who holds a port, read from answers that real servers send in shapes a careless client mis-reads. */
class PortInspectorTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private final PortInspector inspector = new PortInspector(PortsCatalog.TEXT);

    @AfterEach
    void close() {
        inspector.close();
    }

    @Test
    void allTalkAnsweringInSmallChunksIsAllTalk() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.answering(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + ScriptedHttpServer.chunked("Ready", 2))) {
            assertThat(inspector.inspect("127.0.0.1", server.port(), TIMEOUT).holder())
                    .isEqualTo(PortHolder.ALLTALK);
        }
    }

    @Test
    void allTalkAfterAnInterimAnswerIsAllTalk() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.answering(
                "HTTP/1.1 102 Processing\r\n\r\n" + "HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nReady")) {
            assertThat(inspector.inspect("127.0.0.1", server.port(), TIMEOUT).holder())
                    .isEqualTo(PortHolder.ALLTALK);
        }
    }

    @Test
    void allTalkWithGzipTransferCodingIsAllTalk() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.answering("HTTP/1.1 200 OK\r\n"
                + "Transfer-Encoding: gzip, chunked\r\n\r\n"
                + ScriptedHttpServer.chunked(ScriptedHttpServer.gzipped("Ready"), 7))) {
            assertThat(inspector.inspect("127.0.0.1", server.port(), TIMEOUT).holder())
                    .isEqualTo(PortHolder.ALLTALK);
        }
    }

    @Test
    void aPortThatAcceptsButNeverAnswersIsSilentWithinTheTimeout() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((path, out) -> Thread.sleep(5_000))) {
            long start = System.nanoTime();
            assertThat(inspector.inspect("127.0.0.1", server.port(), TIMEOUT).holder())
                    .isEqualTo(PortHolder.UNBINDABLE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusMillis(300));
        }
    }
}
