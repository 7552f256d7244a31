package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.talkhost.standin.Bodies.json;
import static org.talkhost.standin.Running.text;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fault flag, and the control endpoint that sets them at run time. */
class FaultsTest {

    private static final Duration SHORT = Duration.ofMillis(600);

    @TempDir
    Path dir;

    Running server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Running start(String flavor, String... flags) throws Exception {
        String[] all = java.util.Arrays.copyOf(flags, flags.length + 1);
        all[flags.length] = "--no-espeak";
        server = Running.start(dir, flavor, all);
        return server;
    }

    @Test
    void hangKeepsThePortOpenButAnswersNothing() throws Exception {
        start("v1", "--hang");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 1000);
            assertThat(s.isConnected()).isTrue();
        }
        assertThatThrownBy(() -> server.getWithin(SHORT, "/api/ready")).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void hangAfterRequestsAnswersThatManyFirst() throws Exception {
        start("v2", "--hang-after-requests", "2");
        assertThat(text(server.get("/api/ready"))).isEqualTo("Ready");
        assertThat(server.get("/api/voices").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> server.getWithin(SHORT, "/api/ready")).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void unloadedForeverIsUnloadedOnV2AndRefusesToGenerate() throws Exception {
        start("v2", "--unloaded-forever");
        assertThat(text(server.get("/api/ready"))).isEqualTo("Unloaded");
        HttpResponse<byte[]> r = server.postForm("/api/tts-generate", Map.of("text_input", "Hi."));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r)).isEqualTo(Map.of("detail", "You currently have no TTS model loaded."));
    }

    @Test
    void failGenerateGivesAllTalksGenerateFailure() throws Exception {
        start("v1", "--fail-generate");
        HttpResponse<byte[]> r = server.postForm("/api/tts-generate", Bodies.v1Form("Hi."));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r)).isEqualTo(Map.of("status", "generate-failure", "error", "An error occurred"));
    }

    @Test
    void malformedJsonCutsJsonAnswersButNotPlainOnes() throws Exception {
        start("v1", "--malformed-json");
        HttpResponse<byte[]> r = server.get("/api/currentsettings");
        assertThat(Bodies.contentType(r)).isEqualTo("application/json");
        assertThatThrownBy(() -> Json.parse(text(r))).isInstanceOf(Json.Problem.class);
        assertThat(text(server.get("/api/ready"))).isEqualTo("Ready");
    }

    @Test
    void dripSendsAnswersSlowlyButWhole() throws Exception {
        start("v1", "--drip-ms", "40");
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = server.get("/ready");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(text(r)).isEqualTo("Ready endpoint");
        assertThat(ms).isGreaterThanOrEqualTo(14 * 40 - 40);
    }

    @Test
    void slowGenerationTakesLongerAndTheServerAnswersNothingMeanwhile() throws Exception {
        start("v1", "--generate-seconds", "1.5");
        long t0 = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> gen =
                CompletableFuture.supplyAsync(() -> post(Bodies.v1Form("Hello.")));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.output().contains("[AllTalk TTSGen] Hello."));
        assertThatThrownBy(() -> server.getWithin(Duration.ofMillis(300), "/api/ready"))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(gen.get().statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1e9).isGreaterThanOrEqualTo(1.5);
        assertThat(text(server.get("/api/ready"))).isEqualTo("Ready");
    }

    @Test
    void concurrentAnswersWhileGeneratingButStillGeneratesOneAtATime() throws Exception {
        start("v1", "--generate-seconds", "1.5", "--concurrent");
        CompletableFuture<HttpResponse<byte[]>> gen =
                CompletableFuture.supplyAsync(() -> post(Bodies.v1Form("Hello.")));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.output().contains("[AllTalk TTSGen] Hello."));
        assertThat(text(server.getWithin(Duration.ofSeconds(1), "/api/ready"))).isEqualTo("Ready");
        assertThat(gen).isNotDone();
        assertThat(gen.get().statusCode()).isEqualTo(200);
    }

    private HttpResponse<byte[]> post(Map<String, String> form) {
        try {
            return server.postForm("/api/tts-generate", form);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void crashAfterRequestsEndsTheProcessWithCode3OnceTheNthIsAnswered() throws Exception {
        start("v1", "--crash-after-requests", "2");
        assertThat(text(server.get("/api/ready"))).isEqualTo("Ready");
        assertThat(server.exits).isEmpty();
        assertThat(text(server.get("/api/ready"))).isEqualTo("Ready");
        await().atMost(Duration.ofSeconds(2)).until(() -> server.exits.contains(3));
        assertThat(server.output()).contains("Traceback (most recent call last):");
    }

    @Test
    void crashAfterSecondsEndsTheProcessOnItsOwn() throws Exception {
        start("v2", "--crash-after-seconds", "0.3");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.exits.contains(3));
    }

    @Test
    void exitDuringLoadFailsBeforeThePortOpens() throws Exception {
        Running.Output out = new Running.Output();
        assertThatThrownBy(() -> Standin.start(Running.options(dir, "v1", "--exit-during-load"), out.console, c -> {}))
                .isInstanceOf(StartupFailure.class)
                .satisfies(e -> assertThat(((StartupFailure) e).exitCode()).isEqualTo(1));
        assertThat(out.text())
                .contains("ModuleNotFoundError: No module named 'TTS'")
                .doesNotContain("Server Ready");
    }

    @Test
    void theModelLoadsBeforeThePortOpensAndPrintedLinesAppearMeanwhile() throws Exception {
        int port = PortRulesTest.freePort();
        Running.Output out = new Running.Output();
        CompletableFuture<Standin> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return Standin.start(
                        Running.options(
                                dir,
                                "v1",
                                "--port",
                                Integer.toString(port),
                                "--load-seconds",
                                "1.5",
                                "--print-line",
                                "CUDA is not available",
                                "--no-espeak"),
                        out.console,
                        c -> {});
            } catch (StartupFailure e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> out.text().contains("CUDA is not available"));
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        try (Standin s = starting.get()) {
            assertThat(s.port()).isEqualTo(port);
            assertThat(out.text()).contains("Loading the voice model").contains("[AllTalk TTS] Server Ready");
        }
    }

    @Test
    void controlEndpointExistsOnlyWithControl() throws Exception {
        start("v1");
        assertThat(server.send("POST", "/_standin/fault?name=hang&value=true").statusCode())
                .isEqualTo(404);
        assertThat(server.get("/_standin/state").statusCode()).isEqualTo(404);
    }

    @Test
    void controlSetsFaultsAtRunTimeAndShowsCounters() throws Exception {
        start("v1", "--control");
        server.get("/api/ready");
        HttpResponse<byte[]> set = server.send("POST", "/_standin/fault?name=hang&value=true");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> server.getWithin(SHORT, "/api/ready")).isInstanceOf(HttpTimeoutException.class);
        Map<String, Object> state = json(server.get("/_standin/state"));
        assertThat(state).containsEntry("requests", 2L).containsEntry("talkhost_standin", true);
        assertThat(server.send("POST", "/_standin/fault?name=hang&value=false").statusCode())
                .isEqualTo(200);
        assertThat(text(server.get("/api/ready"))).isEqualTo("Ready");
        HttpResponse<byte[]> bad = server.send("POST", "/_standin/fault?name=nonsense&value=1");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat((String) json(bad).get("error")).contains("known faults");
        server.send("POST", "/_standin/fault?name=malformed-json&value=true");
        assertThatThrownBy(() -> json(server.get("/api/voices"))).isInstanceOf(Json.Problem.class);
    }
}
