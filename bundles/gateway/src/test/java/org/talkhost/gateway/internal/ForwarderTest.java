package org.talkhost.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.common.testing.ScriptedHttpServer;

/**
 * AllTalk's answers passed back through the gateway, against a server on a socket that answers with
 * bytes written by hand: what the client gets (status, headers, body, URLs), and how a broken exchange ends.
 */
class ForwarderTest {
    private static final String V1_JSON =
            "{\"status\":\"generate-success\",\"output_file_path\":\"/srv/outputs/gw.wav\","
                    + "\"output_file_url\":\"http://127.0.0.1:7851/audio/gw.wav\","
                    + "\"output_cache_url\":\"http://127.0.0.1:7851/audiocache/gw.wav\"}";
    private static final String V2_JSON =
            "{\"status\":\"generate-success\",\"output_file_path\":\"/srv/outputs/gw.wav\","
                    + "\"output_file_url\":\"/audio/gw.wav\",\"output_cache_url\":\"/audiocache/gw.wav\"}";

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Upstream upstream = new Upstream(() -> Duration.ofSeconds(5), timer);
    private final Forwarder forwarder = new Forwarder(upstream, new Pool());
    private ScriptedHttpServer server;

    @AfterEach
    void stop() throws IOException {
        upstream.close();
        timer.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void v1OutputUrls_pointAtTheGatewayTheClientCalled() throws Exception {
        Exchange e = through(
                answer(200, "application/json", V1_JSON),
                Exchange.post("/api/tts-generate", "text_input=x", "Host: 127.0.0.1:7850"));
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.text()).isEqualTo(V1_JSON.replace("http://127.0.0.1:7851/", "http://127.0.0.1:7850/"));
        assertThat(e.header("Content-Length")).isEqualTo(String.valueOf(e.bytes().length));
    }

    @Test
    void v2RelativeOutputUrls_areKept() throws Exception {
        Exchange e =
                through(answer(200, "application/json", V2_JSON), Exchange.post("/api/tts-generate", "text_input=x"));
        assertThat(e.text()).isEqualTo(V2_JSON);
    }

    @Test
    void urlRewrite_touchesOnlyTheTwoOutputUrls() {
        String json = "{\"output_file_url\": \"https://10.0.0.5:7851/audio/a.wav\",\"other_url\":\"http://x:1/y\","
                + "\"output_file_path\":\"http://keep.me/\"}";
        assertThat(UrlRewrite.rewrite(json, "http://gw:7850"))
                .isEqualTo(
                        "{\"output_file_url\": "
                                + "\"http://gw:7850/audio/a.wav\",\"other_url\":\"http://x:1/y\",\"output_file_path\":\"http://keep.me/\"}");
        assertThat(UrlRewrite.rewrite("{\"voices\":[\"a.wav\"]}", "http://gw:7850"))
                .isEqualTo("{\"voices\":[\"a.wav\"]}");
    }

    @Test
    void hopByHopHeaders_areDroppedAndTheRestPassed() throws Exception {
        String raw = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nAccess-Control-Allow-Origin: *\r\n"
                + "Connection: keep-alive\r\nKeep-Alive: timeout=5\r\nProxy-Authenticate: Basic\r\nUpgrade: h2c\r\n"
                + "Date: Thu, 03 Dec 2026 06:00:00 GMT\r\nX-AllTalk: yes\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n"
                + ScriptedHttpServer.chunked("{\"voices\":[\"female_01.wav\"]}", 7);
        Exchange e = through(raw, Exchange.get("/api/voices"));
        assertThat(e.text()).isEqualTo("{\"voices\":[\"female_01.wav\"]}");
        assertThat(e.headerNames())
                .map(String::toLowerCase)
                .contains("content-type", "access-control-allow-origin", "x-alltalk", "set-cookie")
                .doesNotContain(
                        "connection", "keep-alive", "proxy-authenticate", "upgrade", "transfer-encoding", "date");
        assertThat(e.headers("Set-Cookie")).containsExactly("a=1", "b=2");
    }

    @Test
    void aStreamWithoutLength_arrivesWhole() throws Exception {
        String pcm = "RIFF" + "x".repeat(40_000);
        String raw = "HTTP/1.1 200 OK\r\nContent-Type: audio/wav\r\nTransfer-Encoding: chunked\r\n\r\n"
                + ScriptedHttpServer.chunked(pcm, 4096);
        Exchange e = through(raw, Exchange.get("/api/tts-generate-streaming?text=Hi&voice=female_01.wav"));
        assertThat(e.header("Content-Type")).isEqualTo("audio/wav");
        assertThat(e.text()).isEqualTo(pcm);
        assertThat(e.header("Content-Length")).isNull();
    }

    @Test
    @Timeout(10) // a copy loop with a zero-length buffer would never end
    void anEmptyAnswer_endsWithItsStatusAndNoBody() throws Exception {
        Exchange e = through(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                Exchange.post("/api/stop-generation", ""));
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.bytes()).isEmpty();
        assertThat(e.header("Content-Length")).isEqualTo("0");
    }

    @Test
    void anAnswerLongerThanOneCopyBuffer_arrivesWhole() throws Exception {
        String wav = "RIFF" + "y".repeat(3 * Forwarder.CHUNK + 17);
        Exchange e = through(answer(200, "audio/wav", wav), Exchange.get("/audio/gw.wav"));
        assertThat(e.text()).isEqualTo(wav);
        assertThat(e.header("Content-Length")).isEqualTo(String.valueOf(wav.length()));
    }

    @Test
    void errorsOfAllTalk_passUnchanged() throws Exception {
        String body = "{\"detail\":[{\"loc\":[\"body\",\"text_input\"],\"msg\":\"Field required\"}]}";
        Exchange e = through(answer(422, "application/json", body), Exchange.post("/api/tts-generate", ""));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.text()).isEqualTo(body);
    }

    @Test
    void theRawTargetReachesAllTalkByteForByte() throws Exception {
        through(
                answer(200, "text/plain", "Ready"),
                Exchange.get("/api/tts-generate-streaming?text=a%20b+c&x=%E2%9C%93"));
        assertThat(server.requests.get(0))
                .startsWith("GET /api/tts-generate-streaming?text=a%20b+c&x=%E2%9C%93 HTTP/1.1");
    }

    @Test
    void nobodyListening_isUnreachedAndTheClientGetsNothingYet() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Exchange e = Exchange.get("/api/voices");
        Call call = new Admission("", 1024).admit(e.request, e.response);
        assertThat(forwarder.handle(call, new ServerAddress("127.0.0.1", port))).isEqualTo(Outcome.UNREACHED);
        assertThat(e.text()).isEmpty();
    }

    @Test
    void allTalkDyingBeforeItAnswers_isDiedAndTheClientGetsNothingYet() throws Exception {
        server = new ScriptedHttpServer((path, out) -> {
            // the connection closes without an answer, as when AllTalk's process ends mid-generation
        });
        Exchange e = Exchange.post("/api/tts-generate", "text_input=x");
        Call call = new Admission("", 1024).admit(e.request, e.response);
        assertThat(forwarder.handle(call, new ServerAddress("127.0.0.1", server.port())))
                .isEqualTo(Outcome.DIED);
        assertThat(e.text()).isEmpty();
    }

    private Exchange through(String raw, Exchange e) throws Exception {
        server = ScriptedHttpServer.answering(raw);
        Call call = new Admission("", 1024).admit(e.request, e.response);
        assertThat(forwarder.handle(call, new ServerAddress("127.0.0.1", server.port())))
                .isEqualTo(Outcome.DONE);
        return e;
    }

    private static String answer(int status, String type, String body) {
        return "HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
    }
}
