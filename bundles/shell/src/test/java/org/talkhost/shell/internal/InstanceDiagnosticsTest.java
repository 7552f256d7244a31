package org.talkhost.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.config.Instances;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;
import org.talkhost.api.environment.Doctor;
import org.talkhost.api.environment.DoctorReport;
import org.talkhost.api.health.HealthMonitor;
import org.talkhost.api.health.HealthState;
import org.talkhost.api.health.HealthStatus;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.ports.PortHolder;
import org.talkhost.api.ports.PortManager;
import org.talkhost.api.ports.PortStatus;

/** {@code alltalk:doctor}, {@code health} and {@code ports} of one instance in a host with several. */
class InstanceDiagnosticsTest {
    static final Map<String, Object> DEFAULT = Map.of(Instances.NAME, Instances.DEFAULT);
    static final Map<String, Object> GPU2 = Map.of(Instances.NAME, "gpu2");

    final DiagnosticCommands commands = new DiagnosticCommands();

    @Test
    void theDoctorExaminesTheInstanceNamed() {
        Doctor first = doctor("installDir is the AllTalk folder /opt/alltalk");
        Doctor second = doctor("installDir is the AllTalk folder /opt/alltalk-gpu2");
        commands.doctor = first; // the default instance's ranks highest
        commands.instances.addDoctor(first, DEFAULT);
        commands.instances.addDoctor(second, GPU2);

        assertThat(commands.doctor("gpu2")).contains("/opt/alltalk-gpu2").doesNotContain("/opt/alltalk ");
        assertThat(commands.doctor("")).contains("/opt/alltalk ").doesNotContain("gpu2");
        assertThatThrownBy(() -> commands.doctor("gpu3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is no AllTalk instance named \"gpu3\". The instances are: default, gpu2.");

        commands.instances.removeDoctor(second, GPU2);
        assertThatThrownBy(() -> commands.doctor("gpu2")).hasMessageContaining("default.");
    }

    @Test
    void portsAreThoseOfTheInstanceNamed() {
        PortManager first = ports(new PortStatus(7851, PortHolder.ALLTALK, "already used by AllTalk"));
        PortManager second = ports(new PortStatus(7861, PortHolder.FREE, "free"));
        commands.ports = first;
        commands.instances.addPortManager(first, DEFAULT);
        commands.instances.addPortManager(second, GPU2);

        assertThat(commands.ports("gpu2")).contains("7861").doesNotContain("7851");
        assertThat(commands.ports("")).contains("7851").doesNotContain("7861");
    }

    @Test
    void healthShowsTheInstancesOwnStateAndOnlyItsOwnLinesOfTheLog(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alltalk_operations.log");
        Files.write(
                file,
                List.of(
                        "2026-12-04 15:10:42 - AllTalk-INFO - Health: UNKNOWN -> STARTING: being started",
                        "2026-12-04 15:10:42 - AllTalk-INFO - AllTalk instance 'gpu2': Health: UNKNOWN -> STARTING:"
                                + " being started",
                        "2026-12-04 15:10:48 - AllTalk-WARNING - AllTalk instance 'gpu2': Health: READY -> DOWN:"
                                + " no answer",
                        "2026-12-04 15:10:49 - AllTalk-INFO - AllTalk instance 'gpu2': Port choice: 7861"));
        commands.operationsLog = new OperationsLog() {
            @Override
            public void log(Level level, String message, Object... args) {}

            @Override
            public Optional<Path> file() {
                return Optional.of(file);
            }
        };
        HealthMonitor first = health(HealthState.READY, "AllTalk answers.");
        HealthMonitor second = health(HealthState.DOWN, "AllTalk stopped answering.");
        commands.health = first;
        commands.instances.addMonitor(first, DEFAULT);
        commands.instances.addMonitor(second, GPU2);

        String gpu2 = commands.health("gpu2");
        String plain = commands.health("");

        assertThat(gpu2)
                .startsWith("Health: down")
                .contains("AllTalk stopped answering.")
                .contains("READY -> DOWN: no answer")
                .doesNotContain("Port choice")
                .doesNotContain("- Health: UNKNOWN");
        assertThat(plain)
                .startsWith("Health: ready")
                .contains("- Health: UNKNOWN -> STARTING")
                .doesNotContain("gpu2");
    }

    @Test
    void aOneShotRunSaysNothingWatchesHealthRatherThanThatACheckComesSoon() {
        DiagnosticCommands once = new DiagnosticCommands(new InstanceServices(), true);
        HealthMonitor idle = health(
                HealthState.UNKNOWN, "TalkHost has not checked AllTalk yet; the first check runs" + " in a moment.");
        once.health = idle;

        assertThat(once.health(""))
                .startsWith("No TalkHost is running in this folder, so nothing watches AllTalk's health right now.")
                .doesNotContain("in a moment")
                .doesNotContain("No changes recorded");
        commands.health = idle; // a running host: its first check does come in a moment
        assertThat(commands.health("")).contains("in a moment").contains("No changes recorded");
    }

    private static Doctor doctor(String found) {
        Doctor d = mock(Doctor.class);
        when(d.examine(true))
                .thenReturn(new DoctorReport(
                        List.of(new CheckResult(
                                "install", "AllTalk install", CheckStatus.OK, found, "", false, Duration.ZERO)),
                        Duration.ofMillis(3)));
        return d;
    }

    private static PortManager ports(PortStatus... statuses) {
        PortManager p = mock(PortManager.class);
        when(p.survey()).thenReturn(List.of(statuses));
        return p;
    }

    private static HealthMonitor health(HealthState state, String explanation) {
        HealthMonitor h = mock(HealthMonitor.class);
        when(h.current()).thenReturn(new HealthStatus(state, Instant.now(), null, 0, explanation));
        when(h.history()).thenReturn(List.of());
        return h;
    }
}
