package org.talkhost.ports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.InstanceIdentity;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.ports.PortChoice;
import org.talkhost.api.ports.PortHolder;
import org.talkhost.api.ports.PortStatus;
import org.talkhost.common.testing.Configs;

import com.sun.net.httpserver.HttpServer;

class PortManagerTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<PortManagerImpl> others = new ArrayList<>();
    private final List<Notice> notices = new CopyOnWriteArrayList<>();
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private PortManagerImpl manager;

    @AfterEach
    void tearDown() throws Exception {
        if (manager != null) {
            manager.stop();
        }
        others.forEach(PortManagerImpl::stop);
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    /** A manager whose two "standard" ports are {@code a} and {@code b}, with extra candidates. */
    private PortManagerImpl manager(int a, int b, int... extras) {
        int[] ports = new int[extras.length + 2];
        ports[0] = a;
        ports[1] = b;
        System.arraycopy(extras, 0, ports, 2, extras.length);
        AllTalkSettings settings = TestSettings.with("ports", ports, "healthTimeoutSeconds", 1.5);
        manager = new PortManagerImpl(org.mockito.Mockito.mock(ConfigurationAdmin.class), settings, a, b);
        manager.events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                notices.add(Notice.fromEvent(event));
            }

            @Override
            public void sendEvent(Event event) {
                postEvent(event);
            }
        };
        manager.operationsLog = (level, message, args) -> operations.add(level + " " + message);
        return manager;
    }

    /** The port manager of instance {@code name}, sharing {@code claims} with the other instances of the host. */
    private PortManagerImpl instance(String name, PortClaims claims, int standard, int standardUi, int... ports) {
        PortManagerImpl m = new PortManagerImpl(
                org.mockito.Mockito.mock(ConfigurationAdmin.class),
                TestSettings.with("ports", ports, "healthTimeoutSeconds", 1.5),
                standard,
                standardUi,
                claims,
                Configs.of(InstanceIdentity.class, "talkhost_instance", name));
        m.operationsLog = (level, message, args) -> operations.add(level + " " + message);
        others.add(m);
        return m;
    }

    private int held(HttpServer server) {
        toClose.add(() -> server.stop(0));
        return Holders.port(server);
    }

    private <T extends AutoCloseable> T held(T thing) {
        toClose.add(thing);
        return thing;
    }

    @Test
    void surveyTellsWhoHoldsEachCandidateInOrder() throws Exception {
        int foreign = held(Holders.http(200, "<html>My photo app</html>"));
        int allTalk = held(Holders.allTalk());
        int gradio = held(Holders.gradio());
        int standinPage = held(Holders.standinWebPage());
        int silent = held(Holders.silent()).getLocalPort();
        int bound = held(Holders.boundOnly()).getLocalPort();
        int free = Holders.freePort();

        List<PortStatus> survey = manager(foreign, allTalk, gradio, standinPage, silent, bound, free, allTalk)
                .survey();

        assertThat(survey)
                .extracting(PortStatus::port)
                .containsExactly(foreign, allTalk, gradio, standinPage, silent, bound, free);
        assertThat(survey)
                .extracting(PortStatus::holder)
                .containsExactly(
                        PortHolder.FOREIGN,
                        PortHolder.ALLTALK,
                        PortHolder.ALLTALK_UI,
                        PortHolder.ALLTALK_UI,
                        PortHolder.UNBINDABLE,
                        PortHolder.UNBINDABLE,
                        PortHolder.FREE);
        assertThat(survey.get(0).explanation()).isEqualTo("used by another program (it answered HTTP 200)");
        assertThat(survey.get(1).explanation()).isEqualTo("already used by AllTalk (it said Ready)");
        assertThat(survey.get(4).explanation()).contains("accepts connections but answers nothing");
        assertThat(survey.get(5).explanation()).contains("won't let AllTalk open it");
    }

    @Test
    void aForeignProgramOnTheFirstPortSendsAllTalkToTheNext() throws Exception {
        int foreign = held(Holders.http(200, "hello"));
        int next = Holders.freePort();

        PortChoice choice = manager(foreign, next).choose(ServerKind.V1);

        assertThat(choice.port()).isEqualTo(next);
        assertThat(choice.uiPort()).isZero();
        assertThat(choice.reason())
                .isEqualTo("Port " + foreign
                        + " is used by another program (it answered HTTP 200), so AllTalk will use " + next + ".");
        assertThat(operations).singleElement().asString().startsWith("INFO Port choice");
    }

    @Test
    void v2KeepsItsWebPageOnTheSecondPortWhenBothAreFree() throws Exception {
        int first = Holders.freePort();
        int second = Holders.freePort();

        PortChoice choice = manager(first, second).choose(ServerKind.V2);

        assertThat(choice.port()).isEqualTo(first);
        assertThat(choice.uiPort()).isEqualTo(second);
        assertThat(choice.reason())
                .isEqualTo("Port " + first + " is free, so AllTalk will use it. "
                        + "AllTalk's own web page will use port " + second + ", as usual.");
    }

    @Test
    void whenV2MovesToTheSecondPortItsWebPageMovesToAFreeOneToo() throws Exception {
        int foreign = held(Holders.http(200, "hello"));
        int second = Holders.freePort();

        PortChoice choice = manager(foreign, second).choose(ServerKind.V2);

        assertThat(choice.port()).isEqualTo(second);
        assertThat(choice.uiPort()).isNotIn(second, foreign, 0).isBetween(second + 1, second + PortPlanner.UI_SEARCH);
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", choice.uiPort()));
        }
        assertThat(choice.reason())
                .endsWith("AllTalk's own web page usually uses port " + second
                        + ", but that port is now AllTalk's own port, so it will use port " + choice.uiPort() + ".");
    }

    @Test
    void theWebPageNeverTakesACandidateThatIsTaken() throws Exception {
        int first = Holders.freePort();
        int uiTaken = held(Holders.http(404, "nope"));

        PortChoice choice = manager(first, uiTaken).choose(ServerKind.STANDIN);

        assertThat(choice.port()).isEqualTo(first);
        assertThat(choice.uiPort()).isNotIn(first, uiTaken, 0);
        assertThat(choice.reason())
                .contains("usually uses port " + uiTaken
                        + ", but that port is used by another program (it answered HTTP 404)");
    }

    @Test
    void noFreeCandidateMeansNoPortAndAnErrorNotice() throws Exception {
        int a = held(Holders.http(200, "a"));
        int b = held(Holders.boundOnly()).getLocalPort();
        int c = held(Holders.allTalk());

        PortChoice choice = manager(a, b, c).choose(ServerKind.V1);

        assertThat(choice.found()).isFalse();
        assertThat(choice.reason())
                .startsWith("AllTalk can't be started: none of the ports TalkHost may use is free. " + "Port " + a
                        + " is used by another program (it answered HTTP 200), port " + b + " is not usable")
                .contains(" and port " + c + " is already used by AllTalk (it said Ready). Stop the program");
        assertThat(notices).singleElement().extracting(Notice::level).isEqualTo(Notice.Level.ERROR);
        assertThat(operations).singleElement().asString().startsWith("ERROR");
    }

    @Test
    void aPortJustClosedByAServerIsFree() throws Exception {
        HttpServer server = Holders.http(200, "bye");
        int port = Holders.port(server);
        for (int i = 0; i < 3; i++) { // connections the server closes: they linger in TIME_WAIT on its port
            HttpURLConnection c = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
            c.setRequestProperty("Connection", "close");
            assertThat(c.getResponseCode()).isEqualTo(200);
            c.getInputStream().readAllBytes();
            c.disconnect();
        }
        server.stop(0);
        assumeTrue(plainBindFails(port), "the closed connections linger (TIME_WAIT) and block a plain bind");

        List<PortStatus> survey = manager(port, Holders.freePort()).survey();

        assertThat(survey.get(0).holder()).isEqualTo(PortHolder.FREE);
        assertThat(manager.stillFree(port)).isTrue();
    }

    private static boolean plainBindFails(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void stillFreeSeesAPortTakenMeanwhile() throws Exception {
        int port = Holders.freePort();
        PortManagerImpl m = manager(port, Holders.freePort());
        assertThat(m.stillFree(port)).isTrue();

        held(Holders.http(port, 200, "mine now"));

        assertThat(m.stillFree(port)).isFalse();
        assertThat(operations).singleElement().asString().contains("no longer free");
    }

    @Test
    void theStandInHasAWebPageOnlyWhenImitatingV2WithItsUiOn() {
        assertThat(PortManagerImpl.hasWebPage(ServerKind.STANDIN, TestSettings.with("standinFlavor", "v2")))
                .isTrue();
        assertThat(PortManagerImpl.hasWebPage(
                        ServerKind.STANDIN,
                        TestSettings.with("standinFlavor", "v2", "standinArgs", "--no-ui --load-seconds 1")))
                .isFalse();
        assertThat(PortManagerImpl.hasWebPage(ServerKind.STANDIN, TestSettings.with("standinFlavor", "v1")))
                .isFalse();
        assertThat(PortManagerImpl.hasWebPage(ServerKind.V1, TestSettings.with()))
                .isFalse();
    }

    @Test
    void candidatesAreTheConfiguredPortsInOrderElseTheStandardOnes() throws IOException {
        PortManagerImpl m = manager(7001, 7002);

        assertThat(m.candidates(TestSettings.with("ports", new int[] {7002, 7010, 0, 7001, 7011, 7010})))
                .containsExactly(7002, 7010, 7001, 7011);
        assertThat(m.candidates(TestSettings.with("ports", new int[0]))).containsExactly(7001, 7002);
    }

    @Test
    void anotherInstancesWebPageNeverTakesAPortTheDefaultInstanceMayNeed() throws Exception {
        int a = Holders.freePort();
        int b = Holders.freePort();
        int c = Holders.freePort();
        int d = Holders.freePort();
        PortClaims claims = new PortClaims();
        PortManagerImpl standard = instance("default", claims, a, b, a, b);
        PortManagerImpl second = instance("second", claims, a, b, c, d);

        PortChoice secondChoice = second.choose(ServerKind.V2); // it starts first
        PortChoice defaultChoice = standard.choose(ServerKind.V2);

        assertThat(secondChoice.port()).isEqualTo(c);
        assertThat(secondChoice.uiPort()).as(secondChoice.reason()).isNotIn(a, b, c, 0);
        assertThat(secondChoice.reason())
                .contains("usually uses port " + b + ", but that port is kept for the AllTalk instance \"default\"");
        assertThat(defaultChoice.port()).as(defaultChoice.reason()).isEqualTo(a);
        assertThat(defaultChoice.uiPort()).as(defaultChoice.reason()).isEqualTo(b);
        assertThat(defaultChoice.survey())
                .as("nothing looks like an AllTalk to adopt")
                .extracting(PortStatus::holder)
                .containsOnly(PortHolder.FREE);
    }

    @Test
    void aPortAnotherInstanceChoseIsNeverOfferedAndNeverLooksLikeAnAllTalkToAdopt() throws Exception {
        int a = Holders.freePort();
        int b = Holders.freePort();
        PortClaims claims = new PortClaims();
        PortManagerImpl gpu1 = instance("gpu1", claims, a, b, a, b);
        PortManagerImpl gpu2 = instance("gpu2", claims, a, b, a, b);

        PortChoice first = gpu1.choose(ServerKind.STANDIN);
        PortChoice next = gpu2.choose(ServerKind.STANDIN);

        assertThat(first.port()).isEqualTo(a);
        assertThat(next.port()).as(next.reason()).isEqualTo(b);
        assertThat(next.survey().get(0).holder()).isEqualTo(PortHolder.OTHER_INSTANCE);
        assertThat(next.reason())
                .startsWith("Port " + a + " is kept for the AllTalk instance \"gpu1\" of this TalkHost, so AllTalk "
                        + "will use " + b + ".");
    }
}
