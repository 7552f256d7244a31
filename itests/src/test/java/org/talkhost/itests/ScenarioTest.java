package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.talkhost.itests.FixedPorts.FIRST;
import static org.talkhost.itests.FixedPorts.SECOND;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.sun.net.httpserver.HttpServer;

/**
 * The standard's test sequence on the built distribution: real launcher processes, the real stand-in as
 * AllTalk, the fixed ports 7851 and 7852. One scenario at a time; each stops everything it started.
 * (Resource exhaustion runs in-container: {@link ScenarioLoadTest}.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioTest {
    private static final Duration ONE_SHOT = Duration.ofSeconds(60);
    private static final Pattern NOTICE = Pattern.compile("^\\[\\d\\d:\\d\\d:\\d\\d\\] \\S");
    private static final String SENTENCE = "Hello there, this is TalkHost.";

    @BeforeEach
    void standardPortsAreFree() {
        FixedPorts.assertFreeAndNoStandinRunning();
    }

    @Test
    @Order(1)
    void cleanEnvironment_oneShotStartsAllTalkSpeaksAndStopsWhatItStarted() throws Exception {
        try (ScenarioHome home = ScenarioHome.create();
                StandinWatch watch = new StandinWatch()) {
            Path wav = home.resolve("hello.wav");
            try (HostProcess host = HostProcess.exec(home, "alltalk:say \"" + SENTENCE + "\" --to " + wav)) {
                int status = host.awaitExit(ONE_SHOT);
                String console = host.console().all();
                assertThat(status)
                        .as("exit status of the one-shot run; console:\n%s", console)
                        .isZero();
                assertThat(host.console().stdout())
                        .contains("Said \"" + SENTENCE + "\"")
                        .contains(wav.toString());
                assertThat(host.console().stderr())
                        .as("notices")
                        .contains("Starting AllTalk")
                        .contains("port " + FIRST);
                assertSpeech(wav);
                Map<Long, String> ours = startedBy(host, watch);
                assertThat(ours)
                        .as("stand-in servers started by the one-shot run")
                        .hasSize(1);
                assertThat(alive(ours))
                        .as("servers left running after the run that started them")
                        .isEmpty();
                assertThat(FixedPorts.free(FIRST))
                        .as("port %s is free again", FIRST)
                        .isTrue();
                assertNoStackTraces(host);
            }
        }
    }

    @Test
    @Order(2)
    void existingProcess_isAdoptedNotDuplicatedAndLeftRunning() {
        try (ExternalStandin external = ExternalStandin.start(FIRST);
                ScenarioHome home = ScenarioHome.create();
                StandinWatch watch = new StandinWatch()) {
            try (HostProcess host = HostProcess.exec(home, "alltalk:status")) {
                int status = host.awaitExit(ONE_SHOT);
                String out = host.console().stdout();
                assertThat(status)
                        .as("exit status; console:\n%s", host.console().all())
                        .isZero();
                assertThat(out)
                        .contains("AllTalk is ready on 127.0.0.1:" + FIRST)
                        .contains("found already running")
                        .contains("pid " + external.handle().pid());
                assertThat(startedBy(host, watch))
                        .as("stand-in servers started by TalkHost (should be none)")
                        .isEmpty();
                assertThat(watch.seen())
                        .as("every stand-in seen is the one the test started")
                        .containsOnlyKeys(external.handle().pid());
                assertNoStackTraces(host);
            }
            assertThat(external.handle().isAlive())
                    .as("the external server is still running")
                    .isTrue();
            assertThat(LocalHttp.get(FIRST, "/api/ready")).isEqualTo("Ready");
        }
    }

    @Test
    @Order(3)
    void portConflict_foreignProgramOn7851_allTalkStartsOn7852AndBothConfigsSayIt() throws Exception {
        HttpServer foreign = HttpServer.create(new InetSocketAddress("127.0.0.1", FIRST), 0);
        foreign.createContext("/", ex -> {
            byte[] body = "a web server that is not AllTalk".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(404, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        foreign.start();
        try (ScenarioHome home = ScenarioHome.create("standinArgs=\"--load-seconds 0\"");
                HostProcess host = HostProcess.service(home)) {
            host.awaitLine(Pattern.compile("is ready on 127\\.0\\.0\\.1:" + SECOND), 0, ONE_SHOT);
            assertThat(LocalHttp.get(SECOND, "/api/ready")).isEqualTo("Ready");
            assertThat(LocalHttp.get(FIRST, "/"))
                    .as("the foreign program still answers")
                    .contains("not AllTalk");
            Pattern saved = Pattern.compile("(?m)^port\\s*=\\s*I\"" + SECOND + "\"");
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> saved.matcher(home.config("org.talkhost.alltalk"))
                                .find());
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(
                        "config/org.talkhost.alltalk.config does not say port " + SECOND + " 30 s after ready:\n"
                                + home.config("org.talkhost.alltalk") + "\n--- operations log:\n"
                                + ScenarioHome.read(home.resolve("log/alltalk_operations.log")),
                        e);
            }
            String confignew = ScenarioHome.read(home.resolve("runtime/standin/confignew.json"));
            assertThat(confignew)
                    .as("the stand-in's confignew.json")
                    .containsPattern("\"api_port_number\"\\s*:\\s*" + SECOND + "\\b");
            assertThat(confignew)
                    .containsPattern("\"gradio_port_number\"\\s*:\\s*\\d+")
                    .doesNotContainPattern("\"gradio_port_number\"\\s*:\\s*" + SECOND + "\\b");
            assertNoStackTraces(host);
        } finally {
            foreign.stop(0);
        }
    }

    @Test
    @Order(4)
    void connectionFailure_hangAndCrashAreExplainedPlainlyAndRecoveredAutomatically() {
        int interval = 1;
        int failures = 3;
        double timeout = 1.0;
        try (ScenarioHome home = ScenarioHome.create("standinArgs=\"--control --load-seconds 0\"")
                        .config(
                                "org.talkhost.health",
                                "intervalSeconds=I\"" + interval + "\"",
                                "timeoutSeconds=D\"" + timeout + "\"",
                                "failuresBeforeDown=I\"" + failures + "\"");
                HostProcess host = HostProcess.service(home)) {
            ConsoleCapture console = host.console();
            host.awaitLine(Pattern.compile("is ready on 127\\.0\\.0\\.1:" + FIRST), 0, ONE_SHOT);
            host.awaitLog("alltalk_operations.log", Pattern.compile("Health: \\w+ -> READY"), Duration.ofSeconds(10));
            int mark = console.mark();
            long hung = System.nanoTime();
            assertThat(LocalHttp.post(FIRST, "/_standin/fault?name=hang&value=true"))
                    .contains("\"hang\":true");
            Duration bound = Duration.ofMillis((long) (failures * (interval + timeout) * 1000) + 5000);
            ConsoleCapture.Line down =
                    host.awaitLine(Pattern.compile("(?i)stopped answering|isn.t answering|not answering"), mark, bound);
            System.out.printf(
                    "Connection failure: hang noticed after %d ms: %s%n",
                    (down.nanos() - hung) / 1_000_000, down.text());
            assertThat(down.text()).as("a plain notice").matches(NOTICE.pattern() + ".*");
            ConsoleCapture.Line back = host.awaitLine(
                    Pattern.compile("(?i)answering again|is ready on 127\\.0\\.0\\.1:" + FIRST),
                    mark,
                    Duration.ofSeconds(30));
            System.out.printf(
                    "Connection failure: answering again after %d ms: %s%n",
                    (back.nanos() - hung) / 1_000_000, back.text());
            assertThat(LocalHttp.get(FIRST, "/api/ready")).isEqualTo("Ready");

            int beforeCrash = console.mark();
            long crashed = System.nanoTime();
            assertThat(LocalHttp.post(FIRST, "/_standin/fault?name=crash-after-requests&value=1"))
                    .contains("\"crash-after-requests\":1");
            ConsoleCapture.Line gone = host.awaitLine(
                    Pattern.compile("(?i)stopped unexpectedly|has stopped"), beforeCrash, Duration.ofSeconds(15));
            assertThat(gone.text()).matches(NOTICE.pattern() + ".*");
            ConsoleCapture.Line again = host.awaitLine(
                    Pattern.compile("is ready on 127\\.0\\.0\\.1:" + FIRST),
                    console.lines().indexOf(gone),
                    Duration.ofSeconds(30));
            System.out.printf(
                    "Connection failure: crash (refused) to ready again %d ms: %s%n",
                    (again.nanos() - crashed) / 1_000_000, gone.text());
            assertThat(LocalHttp.get(FIRST, "/api/ready")).isEqualTo("Ready");
            assertNoStackTraces(host);
            assertThat(console.all())
                    .as("the server's own traceback stays in its log")
                    .doesNotContain("Traceback");
        }
    }

    @Test
    @Order(6)
    void recovery_killedAllTalkIsRestartedAndASecondTalkHostAdoptsIt() throws Exception {
        try (ScenarioHome home = ScenarioHome.create("standinArgs=\"--load-seconds 0\"");
                HostProcess host = HostProcess.service(home)) {
            host.awaitLine(Pattern.compile("is ready on 127\\.0\\.0\\.1:" + FIRST), 0, ONE_SHOT);
            List<ProcessHandle> before = host.standins();
            assertThat(before).as("the stand-in the service started").hasSize(1);
            long killed = before.get(0).pid();
            long t0 = System.nanoTime();
            before.get(0).destroyForcibly();
            ProcessHandle again = await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .alias("a new stand-in below the host answers Ready on " + FIRST)
                    .until(() -> readyStandin(host, killed), h -> h != null);
            System.out.printf(
                    "Recovery: kill -9 of pid %d to a new server (pid %d) ready: %d ms%n",
                    killed, again.pid(), (System.nanoTime() - t0) / 1_000_000);

            try (ScenarioHome second = ScenarioHome.create();
                    StandinWatch watch = new StandinWatch()) {
                Path wav = second.resolve("again.wav");
                try (HostProcess oneShot = HostProcess.exec(second, "alltalk:say \"" + SENTENCE + "\" --to " + wav)) {
                    assertThat(oneShot.awaitExit(ONE_SHOT))
                            .as("console:\n%s", oneShot.console().all())
                            .isZero();
                    assertThat(oneShot.console().stderr())
                            .contains("already running")
                            .contains("process " + again.pid());
                    assertNoStackTraces(oneShot);
                    assertSpeech(wav);
                    assertThat(startedBy(oneShot, watch))
                            .as("servers the second TalkHost started")
                            .isEmpty();
                }
            }
            assertThat(again.isAlive())
                    .as("the second TalkHost left the server it adopted running")
                    .isTrue();
            assertStopsOnSigterm(host, List.of(again));
        }
    }

    @Test
    @Order(7)
    void sigterm_stopsTheServiceWithinTenSecondsAndLeavesNoServerItStarted() {
        try (ScenarioHome home = ScenarioHome.create("standinArgs=\"--load-seconds 0\"");
                HostProcess host = HostProcess.service(home)) {
            host.awaitLine(Pattern.compile("is ready on 127\\.0\\.0\\.1:" + FIRST), 0, ONE_SHOT);
            List<ProcessHandle> servers = host.standins();
            assertThat(servers).hasSize(1);
            assertStopsOnSigterm(host, servers);
        }
    }

    @Test
    @Order(8)
    void orphan_theAllTalkOfAKilledTalkHostIsTakenBackOnceAndInOrder_andStoppedByTheNextOne() throws Exception {
        try (ScenarioHome home = ScenarioHome.create("standinArgs=\"--load-seconds 0\"")) {
            HostProcess first = HostProcess.service(home);
            ProcessHandle orphan;
            try {
                first.awaitLine(Pattern.compile("is ready on 127\\.0\\.0\\.1:" + FIRST), 0, ONE_SHOT);
                List<ProcessHandle> servers = first.standins();
                assertThat(servers)
                        .as("the stand-in the first TalkHost started")
                        .hasSize(1);
                orphan = servers.get(0);
                first.handle().destroyForcibly(); // kill -9 of TalkHost: its AllTalk is left behind
                first.awaitExit(Duration.ofSeconds(10));
            } catch (Throwable t) {
                first.close();
                throw t;
            }
            assertThat(orphan.isAlive()).as("the AllTalk left behind").isTrue();
            Path log = home.resolve("log/alltalk_operations.log");
            long mark = Files.size(log);
            try (HostProcess second = HostProcess.service(home)) {
                second.awaitLine(Pattern.compile("takes it back under its care"), 0, ONE_SHOT);
                await().atMost(Duration.ofSeconds(30))
                        .alias("health's first check of the AllTalk taken back")
                        .until(() -> Pattern.compile("Health: \\S+ -> READY")
                                .matcher(ScenarioHome.read(log).substring((int) mark))
                                .find());
                Supplier<List<String>> said = () -> second.console().lines().stream()
                        .map(ConsoleCapture.Line::text)
                        .filter(t -> NOTICE.matcher(t).find())
                        .collect(Collectors.toList());
                Predicate<String> aboutItRunning = t -> t.contains("Found TalkHost's built-in stand-in")
                        || t.contains("takes it back")
                        || t.contains("is ready")
                        || t.contains("Starting AllTalk");
                await().during(Duration.ofMillis(500))
                        .atMost(Duration.ofSeconds(5))
                        .alias("found and taken back, said once each, and no second 'ready' as health checks it")
                        .until(() -> said.get().stream().filter(aboutItRunning).count() == 2);
                List<String> notices = said.get();
                int checking = indexOf(notices, "Checking if AllTalk is already running");
                int found = indexOf(notices, "Found TalkHost's built-in stand-in");
                int takenBack = indexOf(notices, "takes it back under its care");
                assertThat(List.of(checking, found, takenBack))
                        .as("checking, found, taken back: each said, in this order; notices:%n%s", notices)
                        .doesNotContain(-1)
                        .isSorted();
                assertThat(notices.get(takenBack)).contains("process " + orphan.pid());
                assertStopsOnSigterm(second, List.of(orphan));
            }
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    @Order(9)
    void configChange_textWithBackslashesBracesAndQuotes_isTheSameAfterARestart() {
        String folder = "C:\\AllTalk\\{x} \"q\" $HOME \u00e9";
        try (ScenarioHome home = ScenarioHome.create("mode=\"external\"")) {
            // in single quotes the console takes the text as it is
            try (HostProcess host = HostProcess.exec(home, "alltalk:config installDir '" + folder + "'")) {
                assertThat(host.awaitExit(ONE_SHOT))
                        .as("exit status; console:\n%s", host.console().all())
                        .isZero();
                assertThat(host.console().stdout()).contains("Changed installDir from its default to " + folder);
            }
            try (HostProcess host = HostProcess.exec(home, "alltalk:config installDir")) {
                assertThat(host.awaitExit(ONE_SHOT))
                        .as("exit status; console:\n%s", host.console().all())
                        .isZero();
                assertThat(host.console().stdout())
                        .as("after a restart; the file says:\n%s", home.config("org.talkhost.alltalk"))
                        .contains("installDir = " + folder + "\n");
            }
        }
    }

    private static void assertStopsOnSigterm(HostProcess host, List<ProcessHandle> servers) {
        long t0 = System.nanoTime();
        host.terminate();
        host.awaitExit(Duration.ofSeconds(10));
        System.out.printf("SIGTERM to exit: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(servers.stream().filter(StandinProcesses::running).map(ProcessHandle::pid))
                .as("servers the host started, still running after it stopped")
                .isEmpty();
        assertThat(FixedPorts.free(FIRST)).as("port %s is free again", FIRST).isTrue();
        assertNoStackTraces(host);
    }

    /** A stand-in below the host, other than {@code killed}, that answers Ready; null while there is none. */
    private static ProcessHandle readyStandin(HostProcess host, long killed) {
        List<ProcessHandle> now =
                host.standins().stream().filter(h -> h.pid() != killed).collect(Collectors.toList());
        return now.size() == 1 && "Ready".equals(LocalHttp.get(FIRST, "/api/ready")) ? now.get(0) : null;
    }

    /** The stand-ins seen during the run that {@code host} started: its children, or running from its home. */
    private static Map<Long, String> startedBy(HostProcess host, StandinWatch watch) {
        String parent = "parent " + host.handle().pid() + ":";
        return watch.seen().entrySet().stream()
                .filter(e -> e.getValue().startsWith(parent)
                        || e.getValue().contains(host.homeDir().toString()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<Long> alive(Map<Long, String> processes) {
        return processes.keySet().stream()
                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .collect(Collectors.toList());
    }

    private static void assertSpeech(Path wav) throws Exception {
        WavFacts w = WavFacts.read(wav);
        assertThat(w.seconds()).as("seconds of audio in %s", wav).isGreaterThan(1.0);
        assertThat(w.rms()).as("loudness (RMS) of %s", wav).isGreaterThan(0.01);
    }

    private static void assertNoStackTraces(HostProcess host) {
        String all = host.console().all();
        assertThat(all)
                .as("the console shows no stack traces")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }
}
