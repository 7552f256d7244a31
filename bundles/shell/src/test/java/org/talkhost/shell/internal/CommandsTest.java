package org.talkhost.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.talkhost.api.config.Mode;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.gateway.InstanceLoad;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

class CommandsTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final NoticeConsole console = new NoticeConsole(new PrintStream(printed, true, StandardCharsets.UTF_8));

    private static RunState state(Phase phase, String why) {
        return new RunState(
                phase,
                Mode.STANDIN,
                new ServerAddress("127.0.0.1", 7851),
                ServerKind.STANDIN,
                4242,
                true,
                Instant.now().minusSeconds(75),
                why);
    }

    @Test
    void oneShotStatusStartsAllTalkFirstAndExitsZeroWhenReady() {
        StatusCommands commands = new StatusCommands(console, true);
        Supervisor sup = mock(Supervisor.class);
        when(sup.ensureRunning(any())).thenReturn(state(Phase.READY, "ready"));
        when(sup.resources()).thenReturn(Optional.empty());
        commands.supervisor = sup;
        CommandSession session = mock(CommandSession.class);

        String out = commands.status(session, "");

        verify(sup).ensureRunning(any());
        verify(session).put(StatusCommands.EXIT, 0);
        assertThat(out)
                .contains("AllTalk is ready on 127.0.0.1:7851")
                .contains("pid 4242")
                .contains("started by TalkHost")
                .contains("1 min 15 s");
    }

    @Test
    void oneShotStatusLooksForAnExternalAllTalkBrieflyInsteadOfWaitingForItToAppear() throws Exception {
        RunState waiting = external(
                Phase.STARTING,
                new ServerAddress("127.0.0.1", 7851),
                ServerKind.V2,
                "Waiting for AllTalk at 127.0.0.1:7851.");
        Supervisor sup = supervisorIn(waiting);
        CountDownLatch stopped = new CountDownLatch(1);
        when(sup.ensureRunning(any())).thenAnswer(call -> {
            stopped.await(20, TimeUnit.SECONDS); // the Supervisor waits up to 2 minutes
            return waiting;
        });
        StatusCommands commands = new StatusCommands(console, true);
        commands.supervisor = sup;
        CommandSession session = mock(CommandSession.class);

        long t0 = System.nanoTime();
        String out;
        try {
            out = commands.status(session, "");
        } finally {
            stopped.countDown();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(StatusCommands.ONE_LOOK.plusSeconds(5));
        verify(session).put(StatusCommands.EXIT, 1);
        assertThat(out)
                .contains("AllTalk is not ready: Waiting for AllTalk at 127.0.0.1:7851")
                .contains("this run looked once and nothing keeps waiting")
                .contains("./talkhost --no-shell");
    }

    @Test
    void oneShotStatusFindsARunningExternalAllTalkAtOnce() {
        RunState ready = external(Phase.READY, new ServerAddress("127.0.0.1", 7851), ServerKind.V2, "AllTalk is ready");
        Supervisor sup = supervisorIn(external(Phase.DETECTING, null, null, "Looking"));
        when(sup.ensureRunning(any())).thenReturn(ready);
        StatusCommands commands = new StatusCommands(console, true);
        commands.supervisor = sup;
        CommandSession session = mock(CommandSession.class);

        String out = commands.status(session, "");

        verify(session).put(StatusCommands.EXIT, 0);
        assertThat(out).contains("AllTalk is ready on 127.0.0.1:7851").doesNotContain("looked once");
    }

    @Test
    void theServersAddressIsALinkThatWorksForAnIpv6HostToo() {
        String out =
                status(supervisorIn(external(Phase.READY, new ServerAddress("::1", 7851), ServerKind.V2, "ready")));

        assertThat(out).contains("AllTalk v2 at http://[::1]:7851");
    }

    @Test
    void waitingForAnExternalAllTalkNeverSaysTalkHostIsStartingOne() {
        String out = status(supervisorIn(external(
                Phase.STARTING,
                new ServerAddress("gpu-box.example", 7851),
                ServerKind.NONE,
                "Waiting for AllTalk at gpu-box.example:7851.")));

        assertThat(out)
                .contains("no AllTalk yet: TalkHost waits for one to answer there")
                .doesNotContain("starting it");
    }

    @Test
    void statusExitsNonZeroAndExplainsWhenNotReady() {
        StatusCommands commands = new StatusCommands(console, false);
        commands.supervisor = supervisorIn(state(Phase.FAILED, "AllTalk stopped while loading (exit code 1)."));
        CommandSession session = mock(CommandSession.class);

        String out = commands.status(session, "");

        verify(session).put(StatusCommands.EXIT, 1);
        assertThat(out).startsWith("AllTalk is not ready: AllTalk stopped while loading (exit code 1).");
    }

    private static Supervisor readySupervisor() {
        return supervisorIn(state(Phase.READY, "ready"));
    }

    /** A Supervisor whose state is {@code s}, with no resource figures. */
    private static Supervisor supervisorIn(RunState s) {
        Supervisor sup = mock(Supervisor.class);
        when(sup.state()).thenReturn(s);
        when(sup.resources()).thenReturn(Optional.empty());
        return sup;
    }

    /** An AllTalk TalkHost does not start (external mode) at {@code address}. */
    private static RunState external(Phase phase, ServerAddress address, ServerKind kind, String why) {
        return new RunState(phase, Mode.EXTERNAL, address, kind, 0, false, Instant.now(), why);
    }

    /** {@code alltalk:status} (the overview, not a one-shot run) with {@code supervisor}. */
    private String status(Supervisor supervisor) {
        StatusCommands commands = new StatusCommands(console, false);
        commands.supervisor = supervisor;
        return commands.status(mock(CommandSession.class), "");
    }

    @Test
    void statusShowsRecentNoticesAndTheConsolePrintedThem() {
        console.handleEvent(Notice.info("detection", "d", "Found AllTalk running on port 7851, connecting now...")
                .toEvent());
        Supervisor sup = readySupervisor();
        StatusCommands commands = new StatusCommands(console, false);
        commands.supervisor = sup;

        String out = commands.status(mock(CommandSession.class), "");

        assertThat(out).contains("Recent notices:").contains("Found AllTalk running on port 7851");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .matches("\\[\\d\\d:\\d\\d:\\d\\d\\] Found AllTalk running on port 7851, connecting now\\.\\.\\.\\R");
    }

    @Test
    void oneInstancesStatusShowsOnlyItsOwnNotices() {
        console.handleEvent(
                Notice.info("process", "a", "Starting AllTalk on port 7851.").toEvent());
        console.handleEvent(Notice.info("process", "b", "Starting AllTalk on port 7861.")
                .about("gpu2")
                .toEvent());
        Supervisor sup = readySupervisor();
        StatusCommands commands = new StatusCommands(console, false);
        commands.supervisor = sup;
        commands.instances.addSupervisor(sup, java.util.Map.of(org.talkhost.api.config.Instances.NAME, "gpu2"));

        String gpu2 = commands.status(mock(CommandSession.class), "gpu2");
        String overview = commands.status(mock(CommandSession.class), "");

        assertThat(gpu2)
                .contains("AllTalk instance 'gpu2': Starting AllTalk on port 7861.")
                .doesNotContain("port 7851");
        assertThat(overview).contains("port 7851").contains("port 7861");
    }

    @Test
    void inTheInteractiveConsoleANoticeWritesOverThePromptAndGivesItBack() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        NoticeConsole c = new NoticeConsole(new PrintStream(screen, true, StandardCharsets.UTF_8), true);
        c.handleEvent(Notice.warning("health", "h", "AllTalk stopped answering 15 seconds ago.")
                .toEvent());
        assertThat(screen.toString(StandardCharsets.UTF_8))
                .matches("\\r\\[\\d\\d:\\d\\d:\\d\\d\\] Warning: AllTalk stopped answering 15 seconds ago\\.\\ng! ");
    }

    @Test
    void whileACommandRunsANoticeIsALineOfItsOwnAndThePromptComesAfterTheCommand() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        NoticeConsole c = new NoticeConsole(new PrintStream(screen, true, StandardCharsets.UTF_8), true);
        c.beforeExecute(null, "gosh --login --quiet"); // the console itself, running all along
        c.beforeExecute(null, "alltalk:say hello");
        c.handleEvent(Notice.warning("audio", "a", "No sound device was found.").toEvent());
        c.afterExecute(null, "alltalk:say hello", (Object) null);
        assertThat(screen.toString(StandardCharsets.UTF_8))
                .matches("\\[\\d\\d:\\d\\d:\\d\\d\\] Warning: No sound device was found\\.\\R");
        c.handleEvent(Notice.info("health", "h", "AllTalk is ready.").toEvent());
        assertThat(screen.toString(StandardCharsets.UTF_8)).endsWith("AllTalk is ready.\ng! ");
        c.afterExecute(null, "gosh --login --quiet", (Object) null); // Ctrl-D
        c.handleEvent(Notice.info("process", "p", "AllTalk has stopped.").toEvent());
        assertThat(screen.toString(StandardCharsets.UTF_8)).endsWith("AllTalk has stopped.\n");
    }

    @Test
    void aMissingPartIsExplainedInsteadOfFailing() {
        assertThatThrownBy(() -> new StatusCommands(console, false).stop(""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The process part of TalkHost is not running right now");
    }

    @Test
    void sayWithoutTextGivesThePlainUsage() {
        SpeechCommands say = new SpeechCommands();
        assertThatThrownBy(() -> say.say("", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is nothing to say. Usage: alltalk:say \"TEXT\" [--voice VOICE] "
                        + "[--language CODE] [--to FILE.wav]");
        assertThatThrownBy(() -> say.say("", "", "out.mp3", "Hello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The file to write must end in .wav");
    }

    @Test
    void configValuesAreConvertedByTypeWithPlainErrors() {
        assertThat(Values.convert("7853", 0, null, "port")).isEqualTo(7853);
        assertThat(Values.convert("7851, 7852,7860", new Integer[] {7851}, null, "ports"))
                .isEqualTo(new Integer[] {7851, 7852, 7860});
        assertThat(Values.convert("true", Boolean.FALSE, null, "stopOnExit")).isEqualTo(true);
        assertThatThrownBy(() -> Values.convert("seven", 0, null, "port"))
                .hasMessage("The value \"seven\" does not fit port, which expects whole numbers.");
        assertThatThrownBy(() -> Values.convert("maybe", Boolean.TRUE, null, "stopOnExit"))
                .hasMessage("The value \"maybe\" does not fit stopOnExit, which expects true or false.");
    }

    @Test
    void theOverviewNamesEveryCommandTheBundleRegisters() {
        String overview = new OverviewCommand().alltalk();
        int found = 0;
        for (Class<?> c : new Class<?>[] {
            StatusCommands.class, SpeechCommands.class, DiagnosticCommands.class, ConfigCommands.class
        }) {
            // the component descriptions bnd generated from the annotations
            try (java.io.InputStream in =
                    getClass().getClassLoader().getResourceAsStream("OSGI-INF/" + c.getName() + ".xml")) {
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                                "name=\"osgi.command.function\" type=\"String\"(?: value=\"([^\"]+)\"/>|>([^<]+)<)")
                        .matcher(xml);
                assertThat(m.find()).as(c.getSimpleName()).isTrue();
                String functions = m.group(1) != null ? m.group(1) : m.group(2);
                for (String f : functions.trim().split("\\s+")) {
                    assertThat(overview).contains("alltalk:" + f);
                    found++;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(found).isEqualTo(12);
    }

    @Test
    void logShowsTheFileTheOperationsLogWritesNowWhereverItsFolderIs(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("elsewhere/alltalk_operations.log");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, java.util.List.of("one", "two", "three"));
        DiagnosticCommands commands = new DiagnosticCommands();
        commands.operationsLog = new org.talkhost.api.logging.OperationsLog() {
            @Override
            public void log(Level level, String message, Object... args) {}

            @Override
            public Optional<java.nio.file.Path> file() {
                return Optional.of(file);
            }
        };

        assertThat(commands.log(2)).isEqualTo("two\nthree");
        java.nio.file.Files.delete(file);
        assertThat(commands.log(2)).startsWith("There is no operations log yet (" + file + ")");
    }

    @Test
    void logWithoutTheLoggingPartSaysSo() {
        assertThatThrownBy(() -> new DiagnosticCommands().log(5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The logging part of TalkHost is not running right now");
    }

    @Test
    void tablesLineUp() {
        String t = new Table("PORT", "HELD BY")
                .row(7851, "another program")
                .row(7852, "free")
                .toString();
        assertThat(t).isEqualTo("PORT  HELD BY\n7851  another program\n7852  free");
    }

    @Test
    void speechPlayedThroughTheFileOutputSaysWhereTheFileIs() {
        SpeechCommands commands = new SpeechCommands();
        Supervisor sup = mock(Supervisor.class);
        when(sup.ensureRunning(any())).thenReturn(state(Phase.READY, "ready"));
        commands.supervisor = sup;
        org.talkhost.api.audio.Speaker speaker = mock(org.talkhost.api.audio.Speaker.class);
        java.nio.file.Path file = java.nio.file.Paths.get("/tmp/speech/hello.wav");
        when(speaker.speak(any()))
                .thenReturn(new org.talkhost.api.audio.SpeakResult(
                        "hello",
                        java.util.List.of("file"),
                        file,
                        1.2,
                        0.3,
                        java.time.Duration.ofMillis(90),
                        java.time.Duration.ofMillis(400),
                        false));
        commands.speaker = speaker;

        String out = commands.say("", "", "", "hello");

        assertThat(out).contains("played through file").contains("/tmp/speech/hello.wav");
    }

    @Test
    void theInstanceTableSaysEachStateInAWordOrTwo() {
        assertThat(StatusCommands.shortState(
                        new InstanceLoad("a", "standin", "127.0.0.1:7851", "ready", true, 0, 0, 1)))
                .isEqualTo("ready");
        assertThat(StatusCommands.shortState(new InstanceLoad(
                        "box",
                        "remote",
                        "gpu-box:7851",
                        "AllTalk is stopped: AllTalk at gpu-box:7851 runs on another machine, so TalkHost does not "
                                + "stop it (stop it there if you need to)",
                        false,
                        0,
                        3,
                        1)))
                .isEqualTo("stopped");
        assertThat(StatusCommands.shortState(new InstanceLoad(
                        "b",
                        "external",
                        "127.0.0.1:7855",
                        "AllTalk stopped while answering on 127.0.0.1:7855 (its process may have ended)",
                        false,
                        0,
                        0,
                        1)))
                .hasSize(40)
                .startsWith("AllTalk stopped while answering")
                .endsWith("...");
    }
}
