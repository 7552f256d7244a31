package org.talkhost.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;

@DisabledOnOs(OS.WINDOWS)
class PythonCheckTest {
    @TempDir
    Path dir;

    PythonCheck check(String path) {
        return new PythonCheck(Fakes.probe(), new PathLookup(path));
    }

    @Test
    void usesAllTalksOwnEnvironment() throws Exception {
        Path install = Fakes.v2(dir.resolve("alltalk_tts"));
        Path env = install.resolve("alltalk_environment/env");
        new Fakes.Python().conda("env").writeTo(env.resolve("bin/python"));

        CheckResult r = check("").run(Fakes.managed(install, ""));
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.message())
                .contains(
                        "Python 3.11.7",
                        env.resolve("bin/python").toString(),
                        "conda environment env",
                        "prefix " + env,
                        "AllTalk's own environment");
    }

    @Test
    void findsTextGenerationWebuisEnvironmentByWalkingUp() throws Exception {
        Path webui = dir.resolve("text-generation-webui");
        Path install = Fakes.v1(webui.resolve("extensions/alltalk_tts"));
        new Fakes.Python().writeTo(webui.resolve("installer_files/env/bin/python"));

        CheckResult r = check("").run(Fakes.managed(install, ""));
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.message()).contains("text-generation-webui's environment");
    }

    @Test
    void fallsBackToPython3OnThePath() throws Exception {
        Path bin = dir.resolve("bin");
        new Fakes.Python().prefix("/usr").writeTo(bin.resolve("python3"));

        CheckResult r = check(bin.toString()).run(Fakes.managed(Fakes.v2(dir.resolve("at")), ""));
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.message()).contains("prefix /usr", "the python3 found on the PATH");
    }

    @Test
    void noPythonAnywhereBlocksAndSaysHowToGetOne() throws Exception {
        CheckResult r = check(dir.resolve("empty-bin").toString()).run(Fakes.managed(Fakes.v2(dir.resolve("at")), ""));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.blocks()).isTrue();
        assertThat(r.message()).contains("No Python was found");
        assertThat(r.fix()).contains("atsetup.sh", "python in config/org.talkhost.alltalk.config");
    }

    @Test
    void aConfiguredPythonThatIsMissingBlocksAndIsNotReplacedSilently() throws Exception {
        Path install = Fakes.v2(dir.resolve("at"));
        new Fakes.Python().writeTo(install.resolve("alltalk_environment/env/bin/python"));

        CheckResult r = check("").run(Fakes.managed(install, "/opt/nothing/python"));
        assertThat(r.blocks()).isTrue();
        assertThat(r.message()).contains("/opt/nothing/python");
        assertThat(r.fix()).contains("Correct python in config/org.talkhost.alltalk.config", "leave it empty");
    }

    @Test
    void warnsWhenThePythonIsNotTheEnvironmentAllTalkWasInstalledInto() throws Exception {
        Path install = Fakes.v2(dir.resolve("at"));
        Path env = install.resolve("alltalk_environment/env");
        new Fakes.Python().writeTo(env.resolve("bin/python"));
        Path other = new Fakes.Python().prefix("/usr").writeTo(dir.resolve("system/bin/python3"));

        CheckResult r = check("").run(Fakes.managed(install, other.toString()));
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.blocks()).isFalse();
        assertThat(r.message()).contains("not the environment AllTalk was installed into", env.toString());
        assertThat(r.fix()).contains("Leave python empty", env.toString());
    }

    @Test
    void tooOldForV2Blocks() throws Exception {
        Path install = Fakes.v2(dir.resolve("at"));
        new Fakes.Python().version("3.9.18").writeTo(install.resolve("alltalk_environment/env/bin/python"));

        CheckResult r = check("").run(Fakes.managed(install, ""));
        assertThat(r.blocks()).isTrue();
        assertThat(r.message()).contains("Python 3.9.18", "too old", "AllTalk v2 needs Python 3.10 or newer");
        assertThat(r.fix()).contains("Python 3.10 or newer");
    }

    @Test
    void python39IsEnoughForV1ButPython312IsTooNewForItsSpeechLibrary() throws Exception {
        Path install = Fakes.v1(dir.resolve("at"));
        Path python = install.resolve("alltalk_environment/env/bin/python");
        new Fakes.Python().version("3.9.18").writeTo(python);
        assertThat(check("").run(Fakes.managed(install, "")).status()).isEqualTo(CheckStatus.OK);

        new Fakes.Python().version("3.12.1").writeTo(python);
        CheckResult r = new PythonCheck(Fakes.probe(), new PathLookup("")).run(Fakes.managed(install, ""));
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.message()).contains("Coqui TTS", "3.9 to 3.11");
        assertThat(r.fix()).contains("3.10 or 3.11");
    }

    @Test
    void aProgramThatIsNotPythonBlocksWithWhatItSaid() throws Exception {
        Path fake = Fakes.script(dir.resolve("bin/python3"), "echo 'Segmentation fault' >&2\nexit 139\n");
        CheckResult r = check("").run(Fakes.managed(Fakes.v2(dir.resolve("at")), fake.toString()));
        assertThat(r.blocks()).isTrue();
        assertThat(r.message()).contains("did not answer like Python 3", "Segmentation fault");
        assertThat(r.fix()).contains("Python 3 interpreter");
    }

    @Test
    void aHangingPythonIsStoppedAtTheTimeLimit() throws Exception {
        Path slow = new Fakes.Python().hang(30).writeTo(dir.resolve("env/bin/python"));
        PythonProbe quick =
                new PythonProbe(new ProcessRunner(), Duration.ofMillis(500), Duration.ofMillis(500), Duration.ZERO);
        long start = System.nanoTime();
        CheckResult r = new PythonCheck(quick, new PathLookup(""))
                .run(Fakes.managed(Fakes.v2(dir.resolve("at")), slow.toString()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(r.blocks()).isTrue();
        assertThat(r.message()).contains("did not answer within the time limit");
        assertThat(r.fix()).contains("--version");
    }

    @Test
    void theStandInNeedsOnlyJava() {
        CheckResult r = check("").run(Fakes.standin());
        assertThat(r.status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(r.blocks()).isFalse();
        assertThat(r.message()).contains("needs only Java", "nothing about it can block");
    }
}
