package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests that wait while a generation runs: v1 serves them in order (its /api/ready waits for every
 * generation queued before it); v2 does not keep the order, and answers /api/ready right after the
 * running generation.
 */
class QueueOrderTest {

    @TempDir
    Path dir;

    Running server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void v2AnswersReadyBetweenGenerationsAndNotFirstComeFirstServed() throws Exception {
        Map<String, Double> end = ends("v2");
        assertThat(end.get("ready"))
                .as("ready right after the first generation")
                .isLessThan(end.get("third") - 1.0);
        assertThat(end.get("first")).isLessThan(end.get("third") - 1.0);
        assertThat(end.get("third")).as("the later request first").isLessThan(end.get("second") - 1.0);
    }

    @Test
    void v1ServesInOrderAndReadyWaitsForTheWholeQueue() throws Exception {
        Map<String, Double> end = ends("v1");
        assertThat(end.get("first")).isLessThan(end.get("second") - 1.0);
        assertThat(end.get("second")).isLessThan(end.get("third") - 1.0);
        assertThat(end.get("ready")).as("ready after every generation").isGreaterThan(end.get("third") - 0.3);
    }

    /**
     * Sends first (which runs), then second, third and ready while it runs; returns when each answer
     * came, in seconds. Each generation takes 1.5 s, so the order shows in gaps of a second or more
     * (answers that end together may reach the client's callbacks in either order).
     */
    private Map<String, Double> ends(String flavor) throws Exception {
        server = Running.start(dir, flavor, "--no-espeak", "--generate-seconds", "1.5");
        Map<String, Double> done = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> all = new CopyOnWriteArrayList<>();
        all.add(generate("first", flavor, done));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.output().contains("[AllTalk TTSGen] first"));
        all.add(generate("second", flavor, done));
        pause();
        all.add(generate("third", flavor, done));
        pause();
        all.add(server.client()
                .sendAsync(
                        HttpRequest.newBuilder(server.uri("/api/ready")).build(), HttpResponse.BodyHandlers.ofString())
                .thenRun(() -> done.put("ready", now())));
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        return done;
    }

    private static double now() {
        return System.nanoTime() / 1e9;
    }

    private CompletableFuture<?> generate(String text, String flavor, Map<String, Double> done) {
        java.util.Map<String, String> form =
                "v1".equals(flavor) ? Bodies.v1Form(text) : java.util.Map.of("text_input", text);
        String body = form.entrySet().stream()
                .map(e -> Running.enc(e.getKey()) + "=" + Running.enc(e.getValue()))
                .collect(java.util.stream.Collectors.joining("&"));
        return server.client()
                .sendAsync(
                        HttpRequest.newBuilder(server.uri("/api/tts-generate"))
                                .header("content-type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenAccept(r -> assertThat(r.statusCode()).isEqualTo(200))
                .thenRun(() -> done.put(text, now()));
    }

    /** Lets one request reach the server's queue before the next is sent (nothing to observe from outside). */
    private static void pause() throws InterruptedException {
        Thread.sleep(300);
    }
}
