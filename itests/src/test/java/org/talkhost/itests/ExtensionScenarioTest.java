package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.talkhost.api.audio.AudioSink;
import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.SpeakResult;
import org.talkhost.api.audio.Speaker;
import org.talkhost.api.config.HostPaths;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

/**
 * A third-party add-on (examples/notice-file: notices to a file, and a counting audio sink), installed
 * into the running TalkHost from the shell, used, and removed again without harm.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExtensionScenarioTest {
    private static final String SINK_FILTER = "(" + AudioSink.NAME + "=counting)";

    @Inject
    BundleContext context;

    @Inject
    CommandProcessor gogo;

    @Inject
    Supervisor supervisor;

    @Inject
    Speaker speaker;

    @Configuration
    public Option[] config() {
        return ScenarioExam.options(ScenarioExam.standinHome());
    }

    @Test
    public void addOnInstalledFromTheShellHearsNoticesAndSpeechAndLeavesWithoutHarm() throws Exception {
        RunState state = supervisor.ensureRunning(NoticeListener.NONE);
        assertThat(state.ready()).as(state.explanation()).isTrue();
        Path jar = TalkHostExam.source()
                .resolve("examples/notice-file/target/talkhost-example-notice-file-0.1.0-SNAPSHOT.jar");
        assertThat(jar).as("the example add-on is built (./mvnw install)").isRegularFile();
        String location = jar.toUri().toString();

        Gogo.Run install = Gogo.run(gogo, "felix:install " + location);
        Bundle addOn = context.getBundle(location);
        assertThat(addOn).as("installed from the shell: %s", install.output()).isNotNull();
        Gogo.Run start = Gogo.run(gogo, "felix:start " + addOn.getBundleId());
        assertThat(addOn.getState())
                .as("started from the shell: %s", start.output())
                .isEqualTo(Bundle.ACTIVE);
        ServiceReference<AudioSink> sink =
                await().atMost(Duration.ofSeconds(10)).until(this::countingSink, Objects::nonNull);

        RunState restarted = supervisor.restart(NoticeListener.NONE);
        assertThat(restarted.ready()).as(restarted.explanation()).isTrue();
        SpeakResult said = speaker.speak(SpeakRequest.of("Hello from the add-on test."));
        assertThat(said.sinks()).as("where it was played").contains("counting");
        assertThat(countedBytes(sink))
                .as("PCM bytes the add-on's sink received")
                .isPositive();
        Path notices = HostPaths.logs().resolve("notices.txt");
        await().atMost(Duration.ofSeconds(10))
                .alias("log/notices.txt has the restart's notices")
                .until(() -> Files.isRegularFile(notices)
                        && Files.readString(notices).contains("process: "));
        assertThat(Files.readString(notices)).containsPattern("(?m)^\\S+ INFO process: .*AllTalk");

        Gogo.Run uninstall = Gogo.run(gogo, "felix:uninstall " + addOn.getBundleId());
        assertThat(addOn.getState()).as("uninstalled: %s", uninstall.output()).isEqualTo(Bundle.UNINSTALLED);
        assertThat(countingSink()).as("the add-on's sink is gone").isNull();
        assertThat(speaker.sinks()).doesNotContain("counting");
        SpeakResult after = speaker.speak(SpeakRequest.of("Still speaking without the add-on."));
        assertThat(after.sinks()).isNotEmpty().doesNotContain("counting");
        assertThat(supervisor.state().ready()).isTrue();
    }

    private ServiceReference<AudioSink> countingSink() throws InvalidSyntaxException {
        return context.getServiceReferences(AudioSink.class, SINK_FILTER).stream()
                .findFirst()
                .orElse(null);
    }

    /** The add-on's own {@code bytes()} (its class is private to it, so reflectively). */
    private long countedBytes(ServiceReference<AudioSink> ref) throws ReflectiveOperationException {
        AudioSink sink = context.getService(ref);
        try {
            return (Long) sink.getClass().getMethod("bytes").invoke(sink);
        } finally {
            context.ungetService(ref);
        }
    }
}
