package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.talkhost.itests.GatewayHost.Answer;

/**
 * The gateway end to end, as a front-end sees it: a real TalkHost (launcher, stand-in), the gateway and
 * AllTalk on free ports. Every AllTalk endpoint answers through the gateway as it answers directly, for
 * v1 and v2; OpenAI speech gives a playable WAV; generations survive a kill -9 of AllTalk and updates of
 * the bundles behind the gateway; traversal and oversized bodies are refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayScenarioTest {
    private static final Pattern STAMP = Pattern.compile("_\\d{10}[0-9a-f]{5}");
    private static final Pattern FILE_URL = Pattern.compile("\"output_file_url\"\\s*:\\s*\"([^\"]+)\"");
    /** Headers of one connection or one moment, never compared. */
    private static final List<String> OWN =
            List.of("date", "server", "connection", "keep-alive", "transfer-encoding", "content-length");

    private static GatewayHost v2;

    @AfterAll
    static void stop() {
        if (v2 != null) {
            v2.close();
        }
    }

    /** The v2 host, with generations that take a moment (so that a kill or an update finds some in flight). */
    private static GatewayHost v2() {
        if (v2 == null) {
            FixedPorts.assertFreeAndNoStandinRunning(); // TalkHost would adopt another AllTalk it finds
            v2 = GatewayHost.start("v2", "--generate-seconds 0.05").awaitReady();
        }
        return v2;
    }

    @Test
    @Order(1)
    void v1_everyEndpointAnswersAsDirect_andOpenAiSpeechIsAWav() throws Exception {
        FixedPorts.assertFreeAndNoStandinRunning();
        try (GatewayHost v1 = GatewayHost.start("v1", "").awaitReady()) {
            everyEndpointAnswersAsDirect(v1);
            openAiSpeechIsAPlayableWav(v1);
        }
    }

    @Test
    @Order(2)
    void v2_everyEndpointAnswersAsDirect_andOpenAiSpeechIsAWav() throws Exception {
        everyEndpointAnswersAsDirect(v2());
        openAiSpeechIsAPlayableWav(v2());
    }

    @Test
    @Order(3)
    void traversalAndOversizedBodies_areRefused() throws Exception {
        int gw = v2().gateway;
        for (String path : new String[] {
            "/audio/../x",
            "/audio/../../../../etc/passwd",
            "/audiocache/../x",
            "/audio/..%2F..%2Fconfig%2Forg.talkhost.alltalk.config",
            "/audio/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/audio/%2E%2E/x",
            "/audio//etc/passwd",
            "/audio/%2Fetc%2Fpasswd",
            "/audiocache/sub/x.wav",
            "/audio/..%5c..%5cx"
        }) {
            Answer a = GatewayHost.get(gw, path);
            assertThat(a.status()).as(path + ": " + a).isIn(400, 403, 404);
            assertThat(a.text()).as(path).doesNotContain("root:", "org.talkhost.alltalk", "Exception");
        }
        byte[] big = "a".repeat(3_000_000).getBytes(StandardCharsets.US_ASCII);
        Answer tooBig = GatewayHost.send(
                gw, "POST", "/api/tts-generate", big, "Content-Type: application/x-www-form-urlencoded");
        assertThat(tooBig.status()).as(tooBig.toString()).isEqualTo(413);
        assertThat(tooBig.text()).contains("larger than the gateway takes").contains("maxBodyKb");
    }

    @Test
    @Order(4)
    void fortyGenerations_allSucceedThroughAKillMinus9OfAllTalk() throws Exception {
        GatewayHost host = v2();
        List<ProcessHandle> before = host.process().standins();
        assertThat(before).hasSize(1);
        List<Answer> answers = underLoad(host, 40, 5, () -> before.get(0).destroyForcibly());
        assertThat(answers).allSatisfy(GatewayScenarioTest::generated);
        assertThat(host.process().standins())
                .as("a new AllTalk")
                .doesNotContain(before.get(0))
                .hasSize(1);
    }

    @Test
    @Order(5)
    void generations_allSucceedWhileTheBundlesBehindTheGatewayAreUpdated() throws Exception {
        GatewayHost host = v2();
        for (String bundle : new String[] {"talkhost-process", "talkhost-connection", "talkhost-health"}) {
            long id = host.bundleId(bundle);
            List<Answer> answers = underLoad(host, 20, 3, () -> {
                Answer update = host.exec("update " + id);
                assertThat(update.status()).as(update.toString()).isEqualTo(200);
                assertThat(update.text()).as(update.toString()).contains("\"status\":0");
            });
            assertThat(answers).as("while %s was updated", bundle).allSatisfy(GatewayScenarioTest::generated);
        }
    }

    @Test
    @Order(6)
    void aSecondTalkHostOnTheSameGatewayPort_saysSoInOnePlainMessage() throws Exception {
        GatewayHost first = v2();
        try (GatewayHost second = GatewayHost.start("v2", "", first.gateway)) {
            ConsoleCapture.Line line =
                    second.process().awaitLine(Pattern.compile("The gateway cannot answer"), 0, Duration.ofSeconds(30));
            assertThat(line.text())
                    .contains("another program already uses port " + first.gateway)
                    .contains("config/org.talkhost.gateway.config");
            assertThat(second.process().console().all()).doesNotContain("\tat ", "Exception", "Failed to bind");
        }
        assertThat(GatewayHost.get(first.gateway, "/api/ready").text())
                .as("the first one still serves")
                .isEqualTo("Ready");
    }

    @Test
    @Order(7)
    void aNetworkAddressWithoutAToken_isRefusedSayingWhy() throws Exception {
        try (GatewayHost open = GatewayHost.start("v2", "", "bindAddress=\"0.0.0.0\"")) {
            ConsoleCapture.Line line =
                    open.process().awaitLine(Pattern.compile("The gateway did not start"), 0, Duration.ofSeconds(30));
            assertThat(line.text()).contains("0.0.0.0").contains("no token").contains("bindAddress back to 127.0.0.1");
            Answer ready = GatewayHost.get(open.gateway, "/api/ready");
            assertThat(ready.status())
                    .as("nothing of AllTalk's is served: %s", ready)
                    .isEqualTo(404);
            assertThat(open.process().console().all()).doesNotContain("\tat ", "Exception");
        }
    }

    /** Sends {@code n} generations at once; runs {@code meanwhile} once {@code after} of them were answered. */
    private static List<Answer> underLoad(GatewayHost host, int n, int after, Runnable meanwhile) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(n);
        AtomicInteger answered = new AtomicInteger();
        try {
            List<Future<Answer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String text = "Load sentence " + i + " through the gateway.";
                calls.add(clients.submit(() -> {
                    try {
                        return generate(host.gateway, text);
                    } finally {
                        answered.incrementAndGet();
                    }
                }));
            }
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> answered.get() >= after);
            meanwhile.run();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : calls) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    private static void generated(Answer a) {
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.text()).contains("generate-success");
    }

    private static Answer generate(int port, String text) throws IOException {
        return GatewayHost.send(
                port,
                "POST",
                "/api/tts-generate",
                form(text, "gw").getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/x-www-form-urlencoded");
    }

    private static String form(String text, String name) {
        return "text_input=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8) + "&text_filtering=standard"
                + "&character_voice_gen=female_01.wav&narrator_enabled=false&narrator_voice_gen=male_01.wav"
                + "&text_not_inside=character&language=en&output_file_name=" + name
                + "&output_file_timestamp=true&autoplay=false&autoplay_volume=0.8";
    }

    private static void everyEndpointAnswersAsDirect(GatewayHost host) throws Exception {
        int direct = host.direct();
        int gw = host.gateway;
        String[][] calls = {
            {"GET", "/api/ready", null},
            {"GET", "/ready", null},
            {"GET", "/api/voices", null},
            {"GET", "/api/currentsettings", null},
            {"GET", "/settings-json", null},
            {"GET", "/api/rvcvoices", null},
            {
                "GET",
                "/api/tts-generate-streaming?text=Streaming+through"
                        + "+the+gateway.&voice=female_01.wav&language=en&output_file=gws",
                null
            },
            {"PUT", "/api/stop-generation", ""},
            {"POST", "/api/tts-generate", form("The gateway speaks.", "gw")},
            {"POST", "/api/tts-generate", "text_input="},
            {"POST", "/api/tts-generate", "text_input=Hi&character_voice_gen=nobody"},
            {"POST", "/api/previewvoice/", "voice=female_01.wav"},
            {"POST", "/api/generate", "{\"text\":\"Hello.\",\"voice\":\"female_01.wav\",\"language\":\"en\"}"},
            {"GET", "/audio/nothing_here.wav", null},
            {"GET", "/audiocache/nothing_here.wav", null},
            {"GET", "/no/such/page", null},
            {"DELETE", "/api/voices", null},
            {"OPTIONS", "/api/tts-generate", null},
            {"POST", "/api/reload_config", ""},
            {"POST", "/api/reload?tts_method=nonsense", ""}
        };
        for (String[] c : calls) {
            byte[] body = c[2] == null ? null : c[2].getBytes(StandardCharsets.UTF_8);
            String type =
                    c[2] != null && c[2].startsWith("{") ? "application/json" : "application/x-www-form-urlencoded";
            String[] headers = {
                "Origin: http://localhost:8000", "Access-Control-Request-Method: POST", "Content-Type: " + type
            };
            Answer d = GatewayHost.send(direct, c[0], c[1], body, headers);
            Answer g = GatewayHost.send(gw, c[0], c[1], body, headers);
            String what = c[0] + " " + c[1];
            assertThat(g.status())
                    .as(what + "\ndirect:  " + d + "\ngateway: " + g)
                    .isEqualTo(d.status());
            assertThat(relevant(g)).as(what).isEqualTo(relevant(d));
            assertThat(normal(g.text(), gw))
                    .as(what)
                    .isEqualTo(normal(d.text(), direct).replace(":" + direct + "/", ":" + gw + "/"));
            Matcher url = FILE_URL.matcher(g.text());
            if (url.find()) {
                fileThroughTheGateway(url.group(1), gw, direct);
            }
        }
    }

    /** An output URL in a gateway answer points at the gateway, and the file it names is the one AllTalk has. */
    private static void fileThroughTheGateway(String url, int gw, int direct) throws IOException {
        String path = url.startsWith("/") ? url : url.substring(url.indexOf('/', url.indexOf("://") + 3));
        if (!url.startsWith("/")) {
            assertThat(url).startsWith("http://127.0.0.1:" + gw + "/");
        }
        Answer viaGateway = GatewayHost.get(gw, path);
        Answer viaDirect = GatewayHost.get(direct, path);
        assertThat(viaGateway.status()).as(url).isEqualTo(200);
        assertThat(viaGateway.body()).isEqualTo(viaDirect.body());
        assertThat(relevant(viaGateway)).isEqualTo(relevant(viaDirect));
    }

    private static void openAiSpeechIsAPlayableWav(GatewayHost host) throws IOException {
        Answer a = GatewayHost.send(
                host.gateway,
                "POST",
                "/v1/audio/speech",
                ("{\"model\":\"tts-1\",\"input\":"
                                + "\"OpenAI clients work too.\",\"voice\":\"nova\",\"response_format\":\"wav\"}")
                        .getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/json");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        ByteBuffer b = ByteBuffer.wrap(a.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(a.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(a.body(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        int pos = 12;
        int rate = 0;
        int blockAlign = 0;
        long frames = -1;
        while (pos + 8 <= b.limit()) {
            String id = new String(a.body(), pos, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (id.equals("fmt ")) {
                rate = b.getInt(pos + 12);
                blockAlign = b.getShort(pos + 20);
            } else if (id.equals("data")) {
                int bytes = size <= 0 ? b.limit() - pos - 8 : Math.min(size, b.limit() - pos - 8);
                frames = bytes / Math.max(1, blockAlign);
                break;
            }
            pos += 8 + size + (size & 1);
        }
        assertThat(rate).as("sample rate").isEqualTo(24000);
        assertThat(frames).as("frames of audio").isGreaterThan(0);
    }

    /**
     * The headers a client acts on. Jetty writes a Content-Type without the space after ';'
     * ({@code text/plain;charset=utf-8}): the same type to every HTTP client, so that space is not compared.
     */
    private static Map<String, String> relevant(Answer a) {
        Map<String, String> m = new TreeMap<>(a.headers());
        OWN.forEach(m::remove);
        m.computeIfPresent("content-type", (k, v) -> v.replace("; ", ";"));
        return m;
    }

    private static String normal(String text, int port) {
        return STAMP.matcher(text).replaceAll("_T");
    }
}
