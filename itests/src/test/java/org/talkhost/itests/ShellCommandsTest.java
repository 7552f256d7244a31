package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

/** Every alltalk command through the CommandProcessor, against a stand-in the host starts itself. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellCommandsTest {
    private static final int PORT = TalkHostExam.sharedPort("shell");

    @Inject
    CommandProcessor gogo;

    @Inject
    Supervisor supervisor;

    @Configuration
    public Option[] config() {
        return org.ops4j.pax.exam.OptionUtils.combine(
                TalkHostExam.feature(TalkHostExam.home(
                        "mode=\"standin\"",
                        "standinFlavor=\"v1\"",
                        "ports=I[\"" + PORT + "\"]",
                        "standinArgs=\"--load-seconds 0\"")),
                TalkHostExam.portOption("shell", PORT));
    }

    private Gogo.Run ready(String command) {
        RunState s = supervisor.ensureRunning(NoticeListener.NONE);
        assertThat(s.ready()).as(s.explanation()).isTrue();
        return Gogo.run(gogo, command);
    }

    @Test
    public void statusSaysWhereAndWhatAndSetsTheExitStatus() {
        Gogo.Run r = ready("alltalk:status");
        assertThat(r.failed()).as(r.output()).isFalse();
        assertThat(r.output())
                .contains("AllTalk is ready on 127.0.0.1:" + PORT)
                .contains("stand-in")
                .contains("pid ");
        assertThat(r.exit()).isEqualTo(0);
    }

    @Test
    public void voicesListsTheStandinVoices() {
        Gogo.Run r = ready("alltalk:voices");
        assertThat(r.output()).contains("female_01.wav").doesNotContain("Exception");
    }

    @Test
    public void sayWritesAudibleSpeechToAFile() throws Exception {
        Path wav = Files.createTempDirectory("say").resolve("hello.wav");
        Gogo.Run r = ready("alltalk:say \"Hello there, this is a test.\" --to " + wav);
        assertThat(r.failed()).as(r.output()).isFalse();
        assertThat(r.output()).contains("Said \"Hello there, this is a test.\"").contains(wav.toString());
        assertThat(Files.size(wav)).isGreaterThan(20_000);
    }

    @Test
    public void portsHealthDoctorLogMetricsAnswerInPlainWords() {
        ready("alltalk:status");
        assertThat(Gogo.run(gogo, "alltalk:ports").output())
                .contains(String.valueOf(PORT))
                .contains("alltalk");
        assertThat(Gogo.run(gogo, "alltalk:health").output()).startsWith("Health: ");
        Gogo.Run doctor = Gogo.run(gogo, "alltalk:doctor");
        assertThat(doctor.output())
                .containsIgnoringCase("python")
                .containsIgnoringCase("espeak")
                .contains("Nothing blocks a start.");
        assertThat(Gogo.run(gogo, "alltalk:log -n 5").output()).contains(" - AllTalk-");
        assertThat(Gogo.run(gogo, "alltalk:metrics").output()).contains("OPERATION");
    }

    @Test
    public void configShowsAndChangesASettingAtOnce() {
        Gogo.Run show = Gogo.run(gogo, "alltalk:config healthTimeoutSeconds");
        assertThat(show.output()).contains("healthTimeoutSeconds = ");
        Gogo.Run change = Gogo.run(gogo, "alltalk:config health.intervalSeconds 7");
        assertThat(change.output()).contains("Changed intervalSeconds").contains("to 7");
        assertThat(Gogo.run(gogo, "alltalk:config health.intervalSeconds").output())
                .contains("= 7");
    }

    @Test
    public void aValueOutsideItsMetatypeRangeIsRefusedAndNotSaved() {
        String before = Gogo.run(gogo, "alltalk:config healthTimeoutSeconds").output();
        Gogo.Run refused = Gogo.run(gogo, "alltalk:config healthTimeoutSeconds -3");
        assertThat(refused.output())
                .contains("Nothing was changed")
                .contains("healthTimeoutSeconds must be a number from 0.1 to 60; -3.0 is outside that range");
        assertThat(Gogo.run(gogo, "alltalk:config healthTimeoutSeconds").output())
                .isEqualTo(before);
        assertThat(Gogo.run(gogo, "alltalk:config health.failuresBeforeDown 0").output())
                .contains("from 1 to 100");
    }

    @Test
    public void badArgumentsGiveOnePlainSentenceAndNoStackTrace() {
        Gogo.Run noText = Gogo.run(gogo, "alltalk:say");
        assertThat(noText.output())
                .contains("There is nothing to say. Usage: alltalk:say")
                .doesNotContain("at org.")
                .doesNotContain("Exception");
        Gogo.Run badPort = Gogo.run(gogo, "alltalk:config port seven");
        assertThat(badPort.output()).contains("does not fit port, which expects whole numbers");
        Gogo.Run unknown = Gogo.run(gogo, "alltalk:config colour blue");
        assertThat(unknown.output()).contains("There is no setting called \"colour\"");
        Gogo.Run badLog = Gogo.run(gogo, "alltalk:log -n 0");
        assertThat(badLog.output()).contains("between 1 and 10000");
    }
}
