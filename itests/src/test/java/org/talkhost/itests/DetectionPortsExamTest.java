package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.detection.AllTalkDetector;
import org.talkhost.api.detection.Conclusion;
import org.talkhost.api.detection.Detection;
import org.talkhost.api.detection.Endpoint;
import org.talkhost.api.detection.ReadyState;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.detection.ServerProcess;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.Doctor;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.ports.PortChoice;
import org.talkhost.api.ports.PortHolder;
import org.talkhost.api.ports.PortManager;
import org.talkhost.api.ports.PortStatus;

import com.sun.net.httpserver.HttpServer;

/**
 * Detection and port choice against real stand-in processes and a real foreign HTTP server, through the
 * services of the feature as built. The home is in external mode, so TalkHost never starts an AllTalk of its
 * own; its candidate ports are two free ports A and B (never 7851/7852), and {@code --no-ui} keeps the
 * stand-in flavour from looking for a web page port near 7852. One container for the class: each test stops
 * what it starts and takes back the port it saved.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DetectionPortsExamTest {
    private static final String DETECTOR = "org.talkhost.detection.internal.AllTalkDetectorImpl";
    private static final String PORTS = "org.talkhost.ports.internal.PortManagerImpl";
    private static final String CLIENT = "org.talkhost.connection.internal.AllTalkClientImpl";

    @Inject
    AllTalkDetector detector;

    @Inject
    PortManager ports;

    @Inject
    ConfigurationAdmin configAdmin;

    @Inject
    ServiceComponentRuntime scr;

    @Inject
    Doctor doctor;

    private int a;
    private int b;

    @Configuration
    public Option[] config() {
        int[] p = ExamSupport.sharedPorts("detect-a", "detect-b");
        Path home = TalkHostExam.home(
                "mode=\"external\"", "ports=I[\"" + p[0] + "\",\"" + p[1] + "\"]", "standinArgs=\"--no-ui\"");
        ExamSupport.writeConfig(home, "org.talkhost.connection", "retryAttempts=I\"9\"");
        return ExamSupport.withAwaitility(
                TalkHostExam.feature(home),
                TalkHostExam.portOption("detect-a", p[0]),
                TalkHostExam.portOption("detect-b", p[1]));
    }

    @Before
    public void candidatesAreOurPorts() {
        int[] p = ExamSupport.sharedPorts("detect-a", "detect-b");
        a = p[0];
        b = p[1];
        int[] candidates = {a, b};
        for (String component : List.of(DETECTOR, PORTS)) {
            ExamSupport.awaitComponentConfig(scr, component, AllTalkSettings.KEY_PORTS, candidates);
            ExamSupport.awaitComponentConfig(scr, component, AllTalkSettings.KEY_PORT, 0); // none chosen yet
        }
    }

    /** The tests share one container: take back a port that a test saved. */
    @After
    public void forgetSavedPort() throws IOException {
        new HostConfig(configAdmin).forgetPort();
    }

    /** The client reads both its PIDs: its instance's settings, and the retry settings a person wrote in config/. */
    @Test
    public void theClientReadsItsInstanceAndItsRetrySettings() {
        ExamSupport.awaitComponentConfig(scr, CLIENT, "retryAttempts", 9);
        ExamSupport.awaitComponentConfig(scr, CLIENT, AllTalkSettings.KEY_PORTS, new int[] {a, b});
    }

    /** alltalk:doctor and the control API look at this instance's settings (external, ports A and B), not the defaults. */
    @Test
    public void theDoctorExaminesTheConfiguredInstance() {
        List<CheckResult> results = doctor.examine(true).results();
        assertThat(results)
                .filteredOn(r -> r.id().equals("alltalk.install"))
                .singleElement()
                .extracting(CheckResult::message)
                .asString()
                .as("external mode: no install folder needed, not the stand-in's reason")
                .contains("does not start")
                .doesNotContain("stand-in");
        assertThat(results)
                .filteredOn(r -> r.id().equals("ports"))
                .singleElement()
                .extracting(CheckResult::message)
                .asString()
                .contains(String.valueOf(a), String.valueOf(b));
    }

    @Test
    public void nothingRunning_none_inPlainWords() {
        Seen seen = detectAlone(Set.of());

        Detection d = seen.detection;
        assertThat(d.conclusion()).as(d.summary()).isEqualTo(Conclusion.NONE);
        assertThat(d.chosen()).isEmpty();
        assertThat(d.endpoints()).extracting(Endpoint::port).containsExactly(a, b);
        assertThat(d.endpoints()).extracting(Endpoint::ready).containsOnly(ReadyState.REFUSED);
        assertThat(d.summary())
                .startsWith("AllTalk isn't running yet.")
                .contains(a + " or " + b)
                .contains("has to be started");
        ExamSupport.assertPlain(d.summary());
        assertThat(seen.told)
                .extracting(Notice::text)
                .containsExactly("Checking if AllTalk is already running on your computer...", d.summary());
    }

    @Test
    public void standinReadyOnA_ready_standinWithItsProcess() {
        try (StandinRun s = StandinRun.start("v2", a).awaitReady()) {
            Detection d = detectAlone(Set.of(s.pid())).detection;

            assertThat(d.conclusion()).as(d.summary()).isEqualTo(Conclusion.READY);
            Endpoint e = d.chosen().orElseThrow();
            assertThat(e.port()).isEqualTo(a);
            assertThat(e.kind()).isEqualTo(ServerKind.STANDIN);
            assertThat(e.ready()).isEqualTo(ReadyState.READY);
            ServerProcess p = d.chosenProcess().orElseThrow();
            assertThat(p.pid()).isEqualTo(s.pid());
            assertThat(p.kind()).isEqualTo(ServerKind.STANDIN);
            assertThat(p.port()).isEqualTo(a);
            assertThat(p.commandLine()).contains("alltalk-standin");
            assertThat(d.endpoints())
                    .filteredOn(x -> x.port() == b)
                    .extracting(Endpoint::ready)
                    .containsExactly(ReadyState.REFUSED);
            assertThat(d.summary())
                    .isEqualTo("Found TalkHost's built-in stand-in for AllTalk running on port " + a
                            + ", connecting now...");
        }
    }

    @Test
    public void standinStillLoading_loading_waitsForItsProcess() {
        try (StandinRun s = StandinRun.start("v2", a, "--load-seconds", "20")) {
            Detection d = detectAlone(Set.of(s.pid())).detection;

            assertThat(s.alive())
                    .as("the loading stand-in runs: %s", s.console())
                    .isTrue();
            assertThat(d.endpoints())
                    .filteredOn(x -> x.port() == a)
                    .extracting(Endpoint::ready)
                    .as("its port is not open yet")
                    .containsExactly(ReadyState.REFUSED);
            assertThat(d.conclusion()).as(d.summary()).isEqualTo(Conclusion.LOADING);
            assertThat(d.chosen().orElseThrow().port()).isEqualTo(a);
            assertThat(d.chosen().orElseThrow().kind()).isEqualTo(ServerKind.STANDIN);
            assertThat(d.chosenProcess().orElseThrow().pid()).isEqualTo(s.pid());
            assertThat(d.summary())
                    .contains("AllTalk is starting (program " + s.pid() + ")")
                    .contains("isn't answering on port " + a + " yet")
                    .contains("will wait for it");
            ExamSupport.assertPlain(d.summary());
        }
    }

    @Test
    public void foreignProgramOnA_choiceIsB_andBothConfigFilesSayIt() throws Exception {
        HttpServer foreign = foreignServer(a);
        try (AllTalkFolder allTalk = AllTalkFolder.with(AllTalkFolder.V2_CONFIG)) {
            List<PortStatus> survey = ports.survey();
            assertThat(survey)
                    .extracting(PortStatus::port, PortStatus::holder)
                    .containsExactly(tuple(a, PortHolder.FOREIGN), tuple(b, PortHolder.FREE));
            Detection d = detectAlone(Set.of()).detection;
            assertThat(d.conclusion()).as(d.summary()).isEqualTo(Conclusion.FOREIGN);
            assertThat(d.summary())
                    .startsWith("Another program, not AllTalk, is using port " + a + " (it answered HTTP 200");

            PortChoice choice = ports.choose(ServerKind.STANDIN);
            assertThat(choice.port()).as(choice.reason()).isEqualTo(b);
            assertThat(choice.uiPort()).as("no web page with --no-ui").isZero();
            assertThat(choice.reason())
                    .isEqualTo("Port " + a + " is used by another program (it answered HTTP 200), "
                            + "so AllTalk will use " + b + ".");

            String said = ports.persist(choice, allTalk.dir(), ServerKind.STANDIN);
            assertThat(said)
                    .contains("TalkHost will use port " + b + " from now on")
                    .contains("now says port " + b)
                    .contains("confignew.json.talkhost-backup");
            ExamSupport.assertPlain(said);
            HostConfig host = new HostConfig(configAdmin);
            assertThat(host.port()).isEqualTo(b);
            assertThat(host.property(AllTalkSettings.KEY_MODE))
                    .as("other settings kept")
                    .isEqualTo("external");
            // the write-back to config/ by FileInstall is checked end to end in ScenarioTest (port conflict);
            // inside Pax Exam it is switched off (see TalkHostExam)
            assertThat(allTalk.configText())
                    .as("an int, in api_def")
                    .containsPattern("\"api_port_number\"\\s*:\\s*" + b + "\\s*[,\\n\\r}]");
            assertThat(allTalk.changedPairs()).as("every other key kept").containsExactly("\"api_port_number\": 7851");
            assertThat(allTalk.backup()).hasContent(AllTalkFolder.V2_CONFIG);

            foreign.stop(0); // the other program ends: the next choice is A again
            PortChoice again = ports.choose(ServerKind.STANDIN);
            assertThat(again.port()).as(again.reason()).isEqualTo(a);
            ports.persist(again, allTalk.dir(), ServerKind.STANDIN);
            assertThat(host.port()).isEqualTo(a);
            assertThat(allTalk.configText()).containsPattern("\"api_port_number\"\\s*:\\s*" + a + "\\s*[,\\n\\r}]");
            assertThat(allTalk.backup()).as("the backup is written once").hasContent(AllTalkFolder.V2_CONFIG);
        } finally {
            foreign.stop(0); // stopping twice is harmless
        }
    }

    @Test
    public void damagedConfignewJson_leftUntouched_explained() throws Exception {
        String damaged = AllTalkFolder.V2_CONFIG.substring(0, AllTalkFolder.V2_CONFIG.length() / 2);
        try (AllTalkFolder allTalk = AllTalkFolder.with(damaged)) {
            String said = ports.persist(ports.choose(ServerKind.STANDIN), allTalk.dir(), ServerKind.STANDIN);

            assertThat(allTalk.config()).hasContent(damaged);
            assertThat(allTalk.backup()).doesNotExist();
            assertThat(said).contains("can't be read (it is damaged").contains("left it exactly as it is");
            ExamSupport.assertPlain(said);
        }
    }

    @Test
    public void v2WebPageOnA_countsAsTaken_choiceIsB() {
        int api = TalkHostExam.freePort();
        try (StandinRun s =
                StandinRun.start("v2", api, "--ui-port", Integer.toString(a)).awaitReady()) {
            assertThat(StandinRun.get(a, "/"))
                    .as("the v2 web page answers on A")
                    .contains("AllTalk");

            List<PortStatus> survey = ports.survey();
            assertThat(survey.get(0).holder()).as(survey.get(0).explanation()).isEqualTo(PortHolder.ALLTALK_UI);
            PortChoice choice = ports.choose(ServerKind.STANDIN);
            assertThat(choice.port()).as(choice.reason()).isEqualTo(b);
            assertThat(choice.reason())
                    .isEqualTo("Port " + a + " is used by AllTalk's own web page, so AllTalk will " + "use " + b + ".");
        }
    }

    @Test
    public void twoStandinsOnAAndB_duplicate_namesTheOneUsedAndHowToStopTheOther() {
        try (StandinRun first = StandinRun.start("v2", a);
                StandinRun second = StandinRun.start("v1", b)) {
            first.awaitReady();
            second.awaitReady();

            Detection d = detector.detect(n -> {});

            assertThat(d.conclusion()).as(d.summary()).isEqualTo(Conclusion.DUPLICATE);
            assertThat(d.chosen().orElseThrow().port()).isEqualTo(a);
            assertThat(d.chosenProcess().orElseThrow().pid()).isEqualTo(first.pid());
            assertThat(d.processes()).extracting(ServerProcess::pid).contains(first.pid(), second.pid());
            assertThat(d.summary())
                    .contains("AllTalk servers are running at the same time")
                    .contains("TalkHost will use the one on port " + a + ".")
                    .contains("the built-in stand-in on port " + b + " (program " + second.pid()
                            + "), stop it with: kill " + second.pid());
            assertThat(d.summary()).doesNotContainPattern("\\b" + first.pid() + "\\b");
            ExamSupport.assertPlain(d.summary());
        }
    }

    /** A detection and the notices it told the caller. */
    private record Seen(Detection detection, List<Notice> told) {}

    /**
     * Detects with the configured candidates once no AllTalk runs on this machine but {@code mine}: detection
     * looks at every process, so another test's AllTalk would change the answer. Waits up to 30 s for that.
     */
    private Seen detectAlone(Set<Long> mine) {
        List<Seen> last = new ArrayList<>();
        try {
            return await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> {
                                List<Notice> told = new ArrayList<>();
                                Seen s = new Seen(detector.detect(told::add), told);
                                last.add(0, s);
                                return s;
                            },
                            s -> others(s.detection, mine).isEmpty());
        } catch (ConditionTimeoutException e) { // no cause: Pax Exam would report only the root cause
            throw new AssertionError("Other AllTalk servers kept running on this machine, so this detection cannot "
                    + "be checked: " + others(last.get(0).detection, mine) + " (" + e.getMessage() + ")");
        }
    }

    private static List<String> others(Detection d, Set<Long> mine) {
        return d.processes().stream()
                .filter(p -> !mine.contains(p.pid()))
                .map(p -> p.pid() + " " + p.commandLine())
                .collect(Collectors.toList());
    }

    private HttpServer foreignServer(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            byte[] body = "<html><body>My photo album</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
