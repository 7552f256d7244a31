package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkhost.standin.Bodies.json;
import static org.talkhost.standin.Running.text;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What uvicorn and FastAPI's middleware do around every route: CORS, no HEAD, file headers, keep-alive, Host. */
class HttpLayerTest {

    @TempDir
    Path dir;

    Running server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void aCorsPreflightIsAnsweredOkWithTheAskedHeadersEchoed(String flavor) throws Exception {
        server = Running.start(dir, flavor, "--no-espeak");
        HttpResponse<byte[]> r = server.send(HttpRequest.newBuilder(server.uri("/api/tts-generate"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:8000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-custom"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("OK");
        assertThat(r.headers().firstValue("access-control-allow-origin")).hasValue("http://localhost:8000");
        assertThat(r.headers().firstValue("access-control-allow-credentials")).hasValue("true");
        assertThat(r.headers().firstValue("access-control-allow-methods"))
                .hasValue("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
        assertThat(r.headers().firstValue("access-control-allow-headers")).hasValue("content-type,x-custom");
        assertThat(r.headers().firstValue("access-control-max-age")).hasValue("600");
        assertThat(r.headers().firstValue("vary")).hasValue("Origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void everyAnswerToARequestWithAnOriginAllowsItWithCredentials(String flavor) throws Exception {
        server = Running.start(dir, flavor, "--no-espeak");
        for (String path : new String[] {"/api/voices", "/no/such/path"}) {
            HttpResponse<byte[]> r =
                    server.send(HttpRequest.newBuilder(server.uri(path)).header("Origin", "http://x.test"));
            assertThat(r.headers().firstValue("access-control-allow-origin")).hasValue("http://x.test");
            assertThat(r.headers().firstValue("access-control-allow-credentials"))
                    .hasValue("true");
            assertThat(r.headers().firstValue("vary")).hasValue("Origin");
        }
        assertThat(server.get("/api/voices").headers().firstValue("access-control-allow-origin"))
                .as("no Origin, no CORS headers")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void headIs405AndAllowListsOnlyGet(String flavor) throws Exception {
        server = Running.start(dir, flavor, "--no-espeak");
        for (String path : new String[] {"/api/voices", "/api/ready"}) {
            HttpResponse<byte[]> r = server.send("HEAD", path);
            assertThat(r.statusCode()).isEqualTo(405);
            assertThat(r.headers().firstValue("allow")).hasValue("GET");
        }
        HttpResponse<byte[]> options = server.send("OPTIONS", "/api/voices");
        assertThat(options.statusCode())
                .as("OPTIONS without a preflight's headers")
                .isEqualTo(405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void audioFilesCarryETagAndLastModifiedTheCacheOneAsPythonPrintsTheMtime(String flavor) throws Exception {
        server = Running.start(dir, flavor, "--no-espeak");
        Map<String, String> form =
                "v1".equals(flavor) ? Bodies.v1Form("An audio file.") : Map.of("text_input", "An audio file.");
        Map<String, Object> body = json(server.postForm("/api/tts-generate", form));
        String file = ((String) body.get("output_file_url")).replaceFirst(".*/audio/", "");
        HttpResponse<byte[]> audio = server.get("/audio/" + file);
        HttpResponse<byte[]> cache = server.get("/audiocache/" + file);
        String httpDate = "[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT";
        assertThat(audio.headers().firstValue("etag"))
                .hasValueSatisfying(e -> assertThat(e).matches("\"[0-9a-f]{32}\""));
        assertThat(audio.headers().firstValue("last-modified"))
                .hasValueSatisfying(d -> assertThat(d).matches(httpDate));
        assertThat(cache.headers().firstValue("etag"))
                .hasValueSatisfying(e -> assertThat(e).matches("[0-9]{10}\\.[0-9]+"));
        assertThat(cache.headers().firstValue("last-modified"))
                .hasValueSatisfying(d -> assertThat(d).matches(httpDate));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void anIdleKeepAliveConnectionIsClosedAfterAboutFiveSeconds(String flavor) throws Exception {
        server = Running.start(dir, flavor, "--no-espeak");
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream()
                    .write(("GET /api/ready HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            StringBuilder answer = new StringBuilder();
            s.setSoTimeout(5_000);
            while (!answer.toString().endsWith("Ready")) {
                int n = in.read(buf);
                assertThat(n).as("the answer to /api/ready").isPositive();
                answer.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
            long idleFrom = System.nanoTime();
            s.setSoTimeout(15_000);
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    assertThat(n).as("nothing more is sent").isZero();
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the idle connection was still open after 15 s (uvicorn closes it after 5 s)");
            }
            double idle = (System.nanoTime() - idleFrom) / 1e9;
            assertThat(idle).isBetween(4.5, 7.5);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void anHttp11RequestWithoutHostIs400(String flavor) throws Exception {
        server = Running.start(dir, flavor, "--no-espeak");
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write("GET /api/ready HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(10_000);
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400").endsWith("Invalid HTTP request received.");
        }
    }
}
