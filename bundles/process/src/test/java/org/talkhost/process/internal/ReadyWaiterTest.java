package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.notice.Messages;
import org.talkhost.api.notice.Notice;
import org.talkhost.common.Threads;

import com.sun.net.httpserver.HttpServer;

class ReadyWaiterTest {
    @TempDir
    Path dir;

    final Messages messages = ProcessCatalog.TEXT;
    final FakeClient client = new FakeClient();
    final List<Notice> heard = new CopyOnWriteArrayList<>();
    HttpServer server;
    ChildProcess child;
    final java.util.concurrent.ScheduledExecutorService tail =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Threads.named("test-tail"));

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.stop(0);
        }
        if (child != null) {
            child.handle().destroyForcibly();
        }
        tail.shutdownNow();
    }

    ReadyWaiter waiter(Duration progressEvery, Duration downloadExtra) {
        return new ReadyWaiter(client, Duration.ofMillis(100), progressEvery, downloadExtra, messages);
    }

    @Test
    void declaresReadyWithinMomentsOfThePortOpeningWithoutSleepingFirst() throws Exception {
        ServerAddress address = new ServerAddress("127.0.0.1", Rig.freePort());
        client.target(address);
        AtomicInteger rounds = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong thirdRound = new java.util.concurrent.atomic.AtomicLong();
        ReadyWaiter w = waiter(Duration.ofSeconds(5), Duration.ZERO);
        long begun = System.nanoTime();
        CompletableFuture<ReadyWaiter.Outcome> waiting = CompletableFuture.supplyAsync(() -> w.await(
                new ReadyWaiter.Target(address, null, Duration.ofSeconds(20), Duration.ofSeconds(3), "AllTalk"),
                heard::add,
                () -> {
                    if (rounds.incrementAndGet() == 3) {
                        thirdRound.set(System.nanoTime());
                    }
                    return false;
                }));
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 3);
        Duration firstRounds = Duration.ofNanos(thirdRound.get() - begun);

        server = readyServer(address.port());
        // the port is open from here on (making the server took 50-350 ms on a busy machine: not the waiter's lag)
        long opened = System.nanoTime();
        ReadyWaiter.Outcome o = waiting.get();
        Duration lag = Duration.ofNanos(System.nanoTime() - opened);

        assertThat(firstRounds)
                .as("three checks, 100 ms apart, from the first moment")
                .isLessThan(Duration.ofMillis(700));
        assertThat(o.result()).isEqualTo(ReadyWaiter.Result.READY);
        assertThat(lag).as("port open to ready").isLessThan(Duration.ofMillis(300));
        assertThat(o.portToReady()).isNotNull().isLessThan(Duration.ofMillis(300));
    }

    @Test
    void aProcessThatEndsIsReportedAtOnceWithItsExitCode() throws Exception {
        child = launch("echo \"No module named 'TTS'\"; exit 3");
        long start = System.nanoTime();

        ReadyWaiter.Outcome o = waiter(Duration.ofSeconds(5), Duration.ZERO)
                .await(
                        new ReadyWaiter.Target(
                                new ServerAddress("127.0.0.1", Rig.freePort()),
                                child,
                                Duration.ofSeconds(60),
                                Duration.ofSeconds(3),
                                "AllTalk"),
                        heard::add,
                        () -> false);

        assertThat(o.result()).isEqualTo(ReadyWaiter.Result.EXITED);
        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(child.output().explanations()).contains("missing the package \"TTS\"");
    }

    @Test
    void tellsProgressWithTheTimeSoFarAndAnEstimateThenGivesUpAtTheDeadline() throws Exception {
        ServerAddress nowhere = new ServerAddress("127.0.0.1", Rig.freePort());

        List<Notice> progress = progressUntilTimeout(
                new ReadyWaiter.Target(nowhere, null, Duration.ofSeconds(1), Duration.ofSeconds(30), "AllTalk v2"));

        assertThat(progress).allSatisfy(n -> {
            assertThat(n.text())
                    .startsWith("AllTalk v2 is still loading: ")
                    .contains("so far, about ")
                    .contains("left. TalkHost keeps checking and gives up after 1 second.");
            assertThat(n.eta()).isPositive();
        });
    }

    @Test
    void aServerTalkHostDidNotStartIsNeverSaidToBeLoading() throws Exception {
        ServerAddress nowhere = new ServerAddress("127.0.0.1", Rig.freePort());

        List<Notice> progress =
                progressUntilTimeout(new ReadyWaiter.Target(nowhere, null, Duration.ofSeconds(1), null, "AllTalk"));

        assertThat(progress)
                .allSatisfy(n -> assertThat(n.text())
                        .startsWith("Still waiting for AllTalk at " + nowhere + ": nothing answers there yet (")
                        .endsWith("TalkHost keeps checking and gives up after 1 second.")
                        .doesNotContain("loading", "usually"));
    }

    /** Waits for {@code t} (where nothing answers) until its deadline; returns what was said meanwhile, all progress. */
    private List<Notice> progressUntilTimeout(ReadyWaiter.Target t) {
        ReadyWaiter.Outcome o = waiter(Duration.ofMillis(300), Duration.ZERO).await(t, heard::add, () -> false);
        assertThat(o.result()).isEqualTo(ReadyWaiter.Result.TIMEOUT);
        assertThat(heard).isNotEmpty().allSatisfy(n -> assertThat(n.level()).isEqualTo(Notice.Level.PROGRESS));
        return heard;
    }

    @Test
    void aFirstRunModelDownloadExtendsTheDeadlineAndIsExplained() throws Exception {
        child = launch("echo 'Downloading XTTS v2 model'; echo ' 12%|█   | 216M/1.80G'; exec sleep 30");
        child.watch(tail, Duration.ofMillis(50), () -> {});
        long start = System.nanoTime();

        ReadyWaiter.Outcome o = waiter(Duration.ofSeconds(10), Duration.ofMillis(1500))
                .await(
                        new ReadyWaiter.Target(
                                new ServerAddress("127.0.0.1", Rig.freePort()),
                                child,
                                Duration.ofMillis(300),
                                Duration.ofSeconds(3),
                                "AllTalk"),
                        heard::add,
                        () -> false);

        assertThat(o.result()).isEqualTo(ReadyWaiter.Result.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(heard).extracting(Notice::code).contains("wait.download");
        assertThat(heard)
                .filteredOn(n -> n.code().equals("wait.download"))
                .first()
                .extracting(Notice::text)
                .asString()
                .contains("downloading its voice model for the first time");
    }

    private ChildProcess launch(String script) throws Exception {
        ServerLog log = new ServerLog(dir.resolve("alltalk-server.log"), 3, 0);
        LaunchPlan plan =
                new LaunchPlan(List.of("sh", "-c", script), dir, Map.of(), ServerKind.STANDIN, "AllTalk", "test");
        return new Launcher(log, new OutputScanner(messages)).start(plan);
    }

    private static HttpServer readyServer(int port) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 10);
        s.createContext("/api/ready", ex -> {
            byte[] b = "Ready".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        s.start();
        return s;
    }
}
