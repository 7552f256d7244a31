package org.talkhost.process.internal;

import static org.talkhost.process.internal.ProcessCatalog.TEXT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.Mode;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;
import org.talkhost.api.environment.Doctor;
import org.talkhost.api.environment.DoctorReport;
import org.talkhost.api.install.AllTalkInstall;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.ports.PortChoice;
import org.talkhost.api.ports.PortHolder;
import org.talkhost.api.ports.PortManager;

/**
 * Everything between "none is running" and the launch: check that the start can be built at all, choose
 * the port and write it back, ask the doctor (managed mode), check the port once more just before the
 * start, and build the command line.
 */
final class Preparation {
    /** The problem key of a start that found an AllTalk on a candidate port after detection had found none. */
    static final String APPEARED = "port.appeared";

    private static final int PORT_TRIES = 3;
    private static final Duration DOCTOR_WAIT = Duration.ofSeconds(5);

    /** The plan, or the problem (a plain text) that stops the start. */
    record Ready(
            LaunchPlan plan,
            ServerAddress address,
            String problemKey,
            String problem,
            String reason,
            String fix,
            boolean retryable) {
        static Ready problem(String key, String text, boolean retryable) {
            return new Ready(null, null, key, text, text, "", retryable);
        }
    }

    /** The doctor's blocking findings: the whole text, the reasons and the fixes. */
    private record Blocking(String text, String reason, String fix) {}

    private final CommandLineBuilder commands;
    private final PortManager ports;
    private final Supplier<Doctor> doctors;
    private final StateAnnouncer state;
    private final Supplier<ProcessSettings> tuning;
    private final Path standinDir;
    private final Supplier<OperationsLog> log;

    /** {@code doctors} gives the doctor when there is one (else null); {@code standinDir} is the stand-in's folder. */
    Preparation(
            CommandLineBuilder commands,
            PortManager ports,
            Supplier<Doctor> doctors,
            StateAnnouncer state,
            Supplier<ProcessSettings> tuning,
            Path standinDir,
            Supplier<OperationsLog> log) {
        this.commands = commands;
        this.ports = ports;
        this.doctors = doctors;
        this.state = state;
        this.tuning = tuning;
        this.standinDir = standinDir;
        this.log = log;
    }

    Ready prepare(Attempt a, Mode mode, AllTalkSettings s) throws LaunchProblem {
        commands.build(mode, s, 1, false);
        ServerKind flavour = mode == Mode.STANDIN
                ? CommandLineBuilder.standinFlavour(s.standinFlavor())
                : AllTalkInstall.of(Path.of(
                                s.installDir().isBlank() ? "." : s.installDir().trim()))
                        .kind();
        Path dir = mode == Mode.STANDIN
                ? standinDir(flavour)
                : Path.of(s.installDir().trim()).toAbsolutePath();
        PortChoice choice = choose(flavour, dir);
        if (appeared(choice)) {
            return Ready.problem(APPEARED, choice.reason(), true);
        }
        if (!choice.found()) {
            return Ready.problem("port.none", TEXT.text("port.none", choice.reason()), true);
        }
        if (mode == Mode.MANAGED) {
            Blocking blocking = askDoctor(a, s);
            if (blocking != null) {
                return new Ready(
                        null, null, "doctor.blocking", blocking.text(), blocking.reason(), blocking.fix(), false);
            }
        }
        for (int i = 0; !ports.stillFree(choice.port()); i++) {
            if (i + 1 >= PORT_TRIES) {
                return Ready.problem("port.kept.taken", TEXT.text("port.kept.taken"), true);
            }
            state.say(TEXT.info("port.taken.again", choice.port()), a.listeners);
            choice = choose(flavour, dir);
            if (appeared(choice)) {
                return Ready.problem(APPEARED, choice.reason(), true);
            }
            if (!choice.found()) {
                return Ready.problem("port.none", TEXT.text("port.none", choice.reason()), true);
            }
        }
        LaunchPlan plan = commands.build(mode, s, choice.port(), tuning.get().newSession());
        return new Ready(plan, new ServerAddress(s.host(), choice.port()), null, null, "", "", false);
    }

    private PortChoice choose(ServerKind flavour, Path dir) {
        PortChoice choice = ports.choose(flavour);
        log.get().info("Port choice: {} ({})", choice.port(), choice.reason());
        if (choice.found() && !appeared(choice)) {
            try {
                log.get().info("Port written back: {}", ports.persist(choice, dir, flavour));
            } catch (RuntimeException e) {
                log.get().warning("Could not write the port back: {}", e.toString());
            }
        }
        return choice;
    }

    /** An AllTalk answers on a candidate port since detection looked: adopt it rather than start a second. */
    private static boolean appeared(PortChoice choice) {
        return choice.survey().stream().anyMatch(st -> st.holder() == PortHolder.ALLTALK);
    }

    /** Null when the start may go on; else the blocking failures in plain words. */
    private Blocking askDoctor(Attempt a, AllTalkSettings s) {
        Doctor doctor = awaitDoctor(a);
        if (doctor == null) {
            state.say(TEXT.info("doctor.unavailable"), a.listeners);
            return null;
        }
        try {
            DoctorReport report = doctor.examine(s);
            report.results().stream()
                    .filter(r -> !r.blocks() && r.status() != CheckStatus.OK && r.status() != CheckStatus.SKIPPED)
                    .forEach(r -> log.get().warning("Doctor: {}: {} {}", r.title(), r.message(), r.fix()));
            if (!report.blocking()) {
                return null;
            }
            List<CheckResult> blocks =
                    report.results().stream().filter(CheckResult::blocks).toList();
            String what = blocks.stream()
                    .map(r -> (r.message() + " " + r.fix()).trim())
                    .collect(Collectors.joining(" "));
            return new Blocking(
                    TEXT.text("doctor.blocking", what),
                    blocks.stream()
                            .map(CheckResult::message)
                            .collect(Collectors.joining(" "))
                            .trim(),
                    blocks.stream()
                            .map(CheckResult::fix)
                            .filter(f -> !f.isBlank())
                            .collect(Collectors.joining(" "))
                            .trim());
        } catch (RuntimeException e) {
            log.get().warning("The environment checks failed to run: {}", e.toString());
            return null;
        }
    }

    /** The doctor; while the host is still starting its bundles, waited for a few seconds. */
    private Doctor awaitDoctor(Attempt a) {
        long deadline = System.nanoTime() + DOCTOR_WAIT.toNanos();
        Doctor doctor = doctors.get();
        while (doctor == null
                && System.nanoTime() < deadline
                && !a.cancelled()
                && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            doctor = doctors.get();
        }
        return doctor;
    }

    /**
     * The stand-in's own AllTalk folder, {@code runtime/standin}, with a confignew.json of the flavour's
     * shape (created when missing or of the other flavour) so that the port write-back path is the real one.
     */
    private Path standinDir(ServerKind flavour) {
        Path dir = standinDir;
        Path config = dir.resolve("confignew.json");
        try {
            Files.createDirectories(dir);
            String text = Files.isRegularFile(config) ? Files.readString(config, StandardCharsets.UTF_8) : "";
            boolean v2 = flavour == ServerKind.V2;
            if (text.isBlank() || v2 != text.contains("\"api_def\"")) {
                Files.writeString(
                        config,
                        v2
                                ? "{\n  \"api_def\": {\n    \"api_port_number\": 7851\n  },\n  \"gradio_port_number\": 7852,\n"
                                        + "  \"launch_gradio\": false\n}\n"
                                : "{\n  \"port_number\": \"7851\",\n  \"ip_address\": \"127.0.0.1\"\n}\n",
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            log.get().warning("Could not prepare the stand-in folder {}: {}", dir, e.toString());
        }
        return dir;
    }
}
