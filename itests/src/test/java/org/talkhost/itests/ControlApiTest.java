package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * TalkHost's control API end to end: a real TalkHost as a service, the real stand-in, the API on
 * 127.0.0.1:7850. Every call, the token rules, server-sent events, and {@code ./talkhost --exec} as a
 * client of the running host.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlApiTest {
    private static final Pattern NOTICE_TIME = Pattern.compile("\"time\":\"([^\"]+)\"");
    private static ScenarioHome home;
    private static HostProcess host;
    private static ControlApi api;

    @BeforeAll
    static void startHost() {
        FixedPorts.assertFreeAndNoStandinRunning();
        home = ScenarioHome.create();
        host = HostProcess.service(home);
        api = new ControlApi(home.dir());
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(api::ready);
    }

    @AfterAll
    static void stopHost() {
        if (host != null) {
            host.close();
        }
        if (home != null) {
            home.close();
        }
    }

    @Test
    @Order(1)
    void token_isPrivateAndEveryChangeNeedsIt() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("runtime/control.token"))))
                .isEqualTo("rw-------");
        HttpResponse<String> without = api.post("restart", "", null);
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.body().strip())
                .contains("control token")
                .doesNotContain("Exception")
                .hasLineCount(1);
        assertThat(api.post("exec", "alltalk:status", "not-the-token").statusCode())
                .isEqualTo(401);
        assertThat(api.put("config/health.failuresBeforeDown", "4", null).statusCode())
                .isEqualTo(401);
        HttpResponse<String> cookie = ControlApi.client()
                .send(
                        HttpRequest.newBuilder(ControlApi.BASE.resolve("stop"))
                                .header("Cookie", "token=" + api.token())
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(cookie.statusCode())
                .as("a token in a cookie is not accepted")
                .isEqualTo(401);
        assertThat(api.get("status").statusCode())
                .as("reading is open on loopback")
                .isEqualTo(200);
        assertThat(api.post("exec", "alltalk:status", api.token()).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void everyReadingCall_answersJson() {
        assertThat(api.get("status").body())
                .contains("\"state\":\"READY\"")
                .contains("\"port\":7851")
                .contains("\"notices\":[");
        assertThat(api.get("health").body()).contains("\"history\":[").contains("\"samples\":[");
        assertThat(api.get("voices").body()).contains("\"voices\":[\"");
        assertThat(api.get("ports").body()).contains("\"port\":7851").contains("\"port\":7852");
        assertThat(api.get("doctor").body()).contains("\"checks\":[").contains("\"title\":\"Ports\"");
        assertThat(api.get("metrics").body()).contains("\"operation\":\"client.ready\"");
        assertThat(api.get("log?lines=3").body()).contains("\"lines\":[").contains(" - AllTalk-");
        assertThat(api.get("log?lines=lots").statusCode()).isEqualTo(400);
        assertThat(api.get("config").body())
                .contains("\"org.talkhost.alltalk\":{")
                .contains("\"ports\":[7851,7852]");
        assertThat(api.get("nothing-here").statusCode()).isEqualTo(404);
        HttpResponse<String> metrics = ControlApi.client()
                .sendAsync(
                        HttpRequest.newBuilder(ControlApi.BASE.resolve("/talkhost/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .join();
        assertThat(metrics.body())
                .contains("# TYPE talkhost_ready gauge")
                .contains("talkhost_ready 1")
                .contains("# TYPE talkhost_health_check_seconds histogram")
                .contains("talkhost_operations_total{operation=\"client.ready\"}")
                .contains("talkhost_alltalk_resident_bytes")
                .contains("# TYPE talkhost_gateway_served_total counter");
    }

    @Test
    @Order(3)
    void changes_sayExecAndConfig() {
        HttpResponse<byte[]> wav = api.postBytes("say", "{\"text\":\"Hello from the control API.\"}", api.token());
        assertThat(wav.statusCode())
                .as(new String(wav.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(wav.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(new String(wav.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(wav.body().length).isGreaterThan(8000);

        HttpResponse<String> ok = api.post("exec", "{\"command\":\"alltalk:status\"}", api.token());
        assertThat(ok.body()).contains("AllTalk is ready on 127.0.0.1:7851").contains("\"status\":0");
        HttpResponse<String> bad = api.post("exec", "alltalk:nosuchcommand", api.token());
        assertThat(bad.body()).contains("\"status\":1").contains("Command not found");

        HttpResponse<String> put = api.put("config/health.failuresBeforeDown", "4", api.token());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> api.get("config").body().contains("\"failuresBeforeDown\":4"));
        assertThat(api.put("config/health.failuresBeforeDown", "many", api.token())
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    @Order(4)
    void events_deliverANoticeWithin100Milliseconds() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        List<Instant> arrived = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Void>> stream = ControlApi.client()
                .sendAsync(
                        HttpRequest.newBuilder(ControlApi.BASE.resolve("events"))
                                .build(),
                        HttpResponse.BodyHandlers.fromLineSubscriber(new LineCollector(lines, arrived)));
        await().atMost(Duration.ofSeconds(5)).until(() -> !lines.isEmpty());
        try {
            HttpResponse<String> restarted = api.post("restart", "", api.token());
            assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> lines.stream().anyMatch(l -> l.startsWith("event: notice")));
            int i = 0;
            while (!lines.get(i).equals("event: notice")) {
                i++;
            }
            Matcher m = NOTICE_TIME.matcher(lines.get(i + 1));
            assertThat(m.find()).as(lines.get(i + 1)).isTrue();
            Duration late = Duration.between(Instant.parse(m.group(1)), arrived.get(i + 1));
            assertThat(late)
                    .as("from the notice to its arrival on the event stream")
                    .isLessThan(Duration.ofMillis(100));
            assertThat(lines).anyMatch(l -> l.startsWith("event: state"));
        } finally {
            stream.cancel(true);
        }
    }

    @Test
    @Order(5)
    void oneShotExec_goesToTheRunningHostAndKeepsTheExitStatus() {
        String log = home.resolve("log/alltalk_operations.log").toString();
        long bundleLines = ScenarioHome.read(java.nio.file.Path.of(log))
                .lines()
                .filter(l -> l.contains("Bundle talkhost"))
                .count();
        try (HostProcess exec = HostProcess.exec(home, "alltalk:status")) {
            assertThat(exec.awaitExit(Duration.ofSeconds(30)))
                    .as(exec.console().all())
                    .isZero();
            assertThat(exec.console().stdout())
                    .contains("AllTalk is ready on 127.0.0.1:7851")
                    .doesNotContain("TalkHost is running:");
        }
        try (HostProcess exec = HostProcess.exec(home, "alltalk:nosuchcommand")) {
            assertThat(exec.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
        }
        assertThat(ScenarioHome.read(java.nio.file.Path.of(log))
                        .lines()
                        .filter(l -> l.contains("Bundle talkhost"))
                        .count())
                .as("bundle start lines: a second framework would add some")
                .isEqualTo(bundleLines);
    }

    @Test
    @Order(6)
    void oneShotStop_holds() {
        try (HostProcess exec = HostProcess.exec(home, "alltalk:stop")) {
            assertThat(exec.awaitExit(Duration.ofSeconds(30)))
                    .as(exec.console().all())
                    .isZero();
        }
        await().during(Duration.ofSeconds(6))
                .atMost(Duration.ofSeconds(8))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> FixedPorts.free(FixedPorts.FIRST)
                        && api.get("status").body().contains("\"state\":\"STOPPED\""));
        try (HostProcess exec = HostProcess.exec(home, "alltalk:start")) {
            assertThat(exec.awaitExit(Duration.ofSeconds(60)))
                    .as(exec.console().all())
                    .isZero();
        }
        await().atMost(Duration.ofSeconds(10)).until(api::ready);
    }

    /** Collects the event stream's lines with the moment each arrived. */
    private static final class LineCollector implements java.util.concurrent.Flow.Subscriber<String> {
        private final List<String> lines;
        private final List<Instant> arrived;

        LineCollector(List<String> lines, List<Instant> arrived) {
            this.lines = lines;
            this.arrived = arrived;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public synchronized void onNext(String line) {
            arrived.add(Instant.now());
            lines.add(line);
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onComplete() {}
    }
}
