package org.talkhost.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;
import org.talkhost.api.environment.EnvironmentContext;

@DisabledOnOs(OS.WINDOWS)
class PackagesCheckTest {
    @TempDir
    Path dir;

    @Test
    void missingPackagesBlockAndTheFixIsThePipCommand() throws Exception {
        Path install = Fakes.v1(dir.resolve("at"));
        Path python = new Fakes.Python()
                .missing("TTS", "soundfile")
                .writeTo(install.resolve("alltalk_environment/env/bin/python"));

        CheckResult r = new PackagesCheck(Fakes.probe(), new PathLookup("")).run(Fakes.managed(install, ""));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.blocks()).isTrue();
        assertThat(r.message()).contains("2 of the 9 packages AllTalk v1 needs are missing", "TTS, soundfile");
        assertThat(r.fix()).isEqualTo("Install them: " + python + " -m pip install TTS soundfile.");
    }

    @Test
    void theFixNamesAllTalksRequirementsFileWhenThereIsOne() throws Exception {
        Path install = Fakes.v2(dir.resolve("at"));
        Files.createDirectories(install.resolve("system/requirements"));
        Files.writeString(install.resolve("system/requirements/requirements_docker.txt"), "x");
        Files.writeString(install.resolve("system/requirements/requirements_standalone.txt"), "gradio\n");
        Path python =
                new Fakes.Python().missing("gradio").writeTo(install.resolve("alltalk_environment/env/bin/python"));

        CheckResult r = new PackagesCheck(Fakes.probe(), new PathLookup("")).run(Fakes.managed(install, ""));
        assertThat(r.message()).contains("1 of the 9 packages AllTalk v2 needs are missing", "gradio");
        assertThat(r.fix())
                .contains(
                        python + " -m pip install gradio",
                        "-m pip install -r " + install.resolve("system/requirements/requirements_standalone.txt"));
    }

    @Test
    void v2sApiServerAloneNeedsNoGradio() throws Exception {
        Path install = Fakes.v2(dir.resolve("at"));
        new Fakes.Python().missing("gradio").writeTo(install.resolve("alltalk_environment/env/bin/python"));
        EnvironmentContext webUi = Fakes.managed(install, "");
        EnvironmentContext apiOnly =
                new EnvironmentContext(webUi.mode(), install, "", webUi.host(), webUi.ports(), "tts_server.py");

        assertThat(new PackagesCheck(Fakes.probe(), new PathLookup(""))
                        .run(apiOnly)
                        .status())
                .isEqualTo(CheckStatus.OK);
        assertThat(new PackagesCheck(Fakes.probe(), new PathLookup(""))
                        .run(webUi)
                        .blocks())
                .isTrue();
    }

    @Test
    void aV1InsideTextGenerationWebuiIsToldToUseTheWebuisEnvironment() throws Exception {
        Path install = Fakes.v1(dir.resolve("text-generation-webui/extensions/alltalk_tts"));
        Path system = new Fakes.Python().prefix("/usr").missing("TTS", "torch").writeTo(dir.resolve("usr/bin/python3"));

        CheckResult r =
                new PackagesCheck(Fakes.probe(), new PathLookup("")).run(Fakes.managed(install, system.toString()));

        assertThat(r.blocks()).isTrue();
        assertThat(r.fix())
                .contains(
                        dir.resolve("text-generation-webui/installer_files/env").toString())
                .doesNotContain("alltalk_environment");
    }

    @Test
    void inTheWrongEnvironmentTheFixPointsToAllTalksOwn() throws Exception {
        Path install = Fakes.v1(dir.resolve("at"));
        Path env = install.resolve("alltalk_environment/env");
        new Fakes.Python().writeTo(env.resolve("bin/python"));
        Path other = new Fakes.Python().prefix("/usr").missing("TTS").writeTo(dir.resolve("usr/bin/python3"));

        CheckResult r =
                new PackagesCheck(Fakes.probe(), new PathLookup("")).run(Fakes.managed(install, other.toString()));
        assertThat(r.blocks()).isTrue();
        assertThat(r.fix())
                .contains(
                        "Leave python empty in config/org.talkhost.alltalk.config to use " + env,
                        other + " -m pip install TTS");
    }

    @Test
    void aPackageThatFailsToImportBlocksWithTheReason() throws Exception {
        Path install = Fakes.v2(dir.resolve("at"));
        Path python = new Fakes.Python().broken("torch").writeTo(install.resolve("alltalk_environment/env/bin/python"));

        CheckResult r = new PackagesCheck(Fakes.probe(), new PathLookup("")).run(Fakes.managed(install, ""));
        assertThat(r.blocks()).isTrue();
        assertThat(r.message()).contains("torch are installed", "fail to import", "libcudnn.so.8");
        assertThat(r.fix()).isEqualTo("Reinstall them: " + python + " -m pip install --force-reinstall torch.");
    }

    @Test
    void allPresentIsOk() throws Exception {
        Path install = Fakes.v2(dir.resolve("at"));
        new Fakes.Python().writeTo(install.resolve("alltalk_environment/env/bin/python"));

        CheckResult r = new PackagesCheck(Fakes.probe(), new PathLookup("")).run(Fakes.managed(install, ""));
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.message()).contains("All 9 packages AllTalk v2 needs import", "torch 2.2.1+cu121");
    }

    @Test
    void thePackagesAndCudaChecksShareOnePythonSubprocess() throws Exception {
        Path install = Fakes.v2(dir.resolve("at"));
        Path calls = dir.resolve("calls.txt");
        new Fakes.Python().countCallsIn(calls).writeTo(install.resolve("alltalk_environment/env/bin/python"));
        PythonProbe probe = Fakes.probe();

        new PackagesCheck(probe, new PathLookup("")).run(Fakes.managed(install, ""));
        new CudaCheck(probe, new PathLookup(""), Duration.ofSeconds(2)).run(Fakes.managed(install, ""));
        assertThat(Files.readAllLines(calls)).containsExactly("talkhost-packages");
    }

    @Test
    void slowImportsWarnInsteadOfHanging() throws Exception {
        Path install = Fakes.v2(dir.resolve("at"));
        new Fakes.Python().hang(30).writeTo(install.resolve("alltalk_environment/env/bin/python"));
        PythonProbe probe =
                new PythonProbe(new ProcessRunner(), Duration.ofSeconds(1), Duration.ofMillis(600), Duration.ZERO);

        CheckResult r = new PackagesCheck(probe, new PathLookup("")).run(Fakes.managed(install, ""));
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.message()).contains("took longer than");
        assertThat(r.fix()).contains("importTimeoutSeconds in config/org.talkhost.environment.config");
    }

    @Test
    void theStandInNeedsNoPackages() {
        CheckResult r = new PackagesCheck(Fakes.probe(), new PathLookup("")).run(Fakes.standin());
        assertThat(r.status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(r.blocks()).isFalse();
        assertThat(r.message()).contains("stand-in needs no Python packages");
    }
}
