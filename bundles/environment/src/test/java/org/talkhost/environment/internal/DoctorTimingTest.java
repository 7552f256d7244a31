package org.talkhost.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.DoctorReport;
import org.talkhost.api.environment.EnvironmentCheck;

/** A whole doctor run with every built-in check, as the host wires it: under 2 seconds. */
@DisabledOnOs(OS.WINDOWS)
class DoctorTimingTest {
    @TempDir
    Path dir;

    DoctorImpl doctor;

    @AfterEach
    void stop() {
        doctor.stop();
    }

    DoctorReport run(PathLookup path, Object... settings) {
        EnvironmentConfig config = Configs.environment();
        doctor = new DoctorImpl(config, Configs.settings(settings));
        PythonProbe probe = new PythonProbe(config);
        Duration quick = Duration.ofSeconds(5);
        List<EnvironmentCheck> checks = List.of(
                new InstallCheck(),
                new PythonCheck(probe, path),
                new PackagesCheck(probe, path),
                new CudaCheck(probe, path, quick),
                new SoundOutputCheck(),
                new PortAudioCheck(config),
                new EspeakCheck(path, quick),
                new DiskSpaceCheck(config),
                new PortsCheck());
        for (int i = 0; i < checks.size(); i++) {
            doctor.addCheck(checks.get(i), Map.of(CheckOrder.PROPERTY, i));
        }
        DoctorReport report = doctor.examine(true);
        System.out.println(table(report));
        return report;
    }

    static String table(DoctorReport report) {
        StringBuilder b = new StringBuilder("doctor run in " + report.took().toMillis() + " ms\n");
        for (CheckResult r : report.results()) {
            b.append(String.format(
                    "%-16s %-7s %5d ms  %s%n", r.title(), r.status(), r.took().toMillis(), r.message()));
            if (!r.fix().isEmpty()) {
                b.append(String.format("%-16s %-7s %8s  Fix: %s%n", "", "", "", r.fix()));
            }
        }
        return b.toString();
    }

    @Test
    void standInModeOnThisMachine() {
        DoctorReport report = run(PathLookup.system());
        assertThat(report.results()).hasSize(9);
        assertThat(report.blocking()).isFalse();
        assertThat(report.took()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aFakeManagedInstall() throws Exception {
        Path install = Fakes.v2(dir.resolve("alltalk_tts"));
        new Fakes.Python().writeTo(install.resolve("alltalk_environment/env/bin/python"));
        Path bin = dir.resolve("bin");
        Fakes.script(bin.resolve("nvidia-smi"), "echo 'NVIDIA GeForce RTX 3060, 535.104.05, 12288 MiB'\n");
        Fakes.script(bin.resolve("espeak-ng"), "echo 'eSpeak NG text-to-speech: 1.51  Data at: /usr/share'\n");

        DoctorReport report = run(new PathLookup(bin.toString()), "mode", "managed", "installDir", install.toString());
        assertThat(report.blocking()).isFalse();
        assertThat(report.took()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aFakeManagedInstallWithMissingPackagesBlocks() throws Exception {
        Path install = Fakes.v1(dir.resolve("alltalk_tts"));
        new Fakes.Python().missing("TTS").cpuTorch().writeTo(install.resolve("alltalk_environment/env/bin/python"));
        DoctorReport report = run(new PathLookup(""), "mode", "managed", "installDir", install.toString());
        assertThat(report.blocking()).isTrue();
        assertThat(report.results())
                .filteredOn(CheckResult::blocks)
                .extracting(CheckResult::title)
                .containsExactly("Python packages");
    }
}
