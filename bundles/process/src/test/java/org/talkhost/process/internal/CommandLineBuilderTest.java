package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.Mode;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.notice.Messages;

class CommandLineBuilderTest {
    @TempDir
    Path tmp;

    HostFiles files;
    Map<String, String> env = new HashMap<>();
    final Messages messages = ProcessCatalog.TEXT;

    @BeforeEach
    void setUp() throws IOException {
        Path jar = Files.writeString(tmp.resolve("alltalk-standin.jar"), "jar");
        files = new HostFiles(tmp.resolve("runtime"), tmp.resolve("log"), jar, "/opt/jdk/bin/java");
        env.put("PATH", Files.createDirectories(tmp.resolve("bin")).toString());
    }

    LaunchPlan build(Mode mode, Map<String, Object> settings, boolean newSession) throws LaunchProblem {
        AllTalkSettings s = Configs.settings(settings);
        return new CommandLineBuilder(files, env, messages).build(mode, s, 7860, newSession);
    }

    @Test
    void theStandInRunsOnThisJavaWithItsOwnFolderPortAndExtraArguments() throws Exception {
        LaunchPlan plan = build(
                Mode.STANDIN,
                Map.of("standinFlavor", "v1", "standinArgs", "--load-seconds 5 --print \"No module named 'TTS'\""),
                false);

        assertThat(plan.command())
                .containsExactly(
                        "/opt/jdk/bin/java",
                        "-jar",
                        files.standinJar().toString(),
                        "--flavor",
                        "v1",
                        "--dir",
                        files.standinDir().toString(),
                        "--port",
                        "7860",
                        "--load-seconds",
                        "5",
                        "--print",
                        "No module named 'TTS'");
        assertThat(plan.workingDir()).isEqualTo(files.standinDir());
        assertThat(plan.kind()).isEqualTo(ServerKind.STANDIN);
        assertThat(plan.timingKey()).isEqualTo("standin-v1");
    }

    @Test
    void theEnvironmentGetsOnlyTalkHostsAdditionsAndKeepsTheUsersOwnSetting() throws Exception {
        assertThat(build(Mode.STANDIN, Map.of(), false).additions())
                .containsExactlyInAnyOrderEntriesOf(Map.of("MKL_THREADING_LAYER", "GNU", "PYTHONUNBUFFERED", "1"));
        env.put("MKL_THREADING_LAYER", "INTEL");
        assertThat(build(Mode.STANDIN, Map.of(), false).additions()).doesNotContainKey("MKL_THREADING_LAYER");
    }

    @Test
    void aNewSessionIsAskedForWithSetsidWhenItExists() throws Exception {
        executable(tmp.resolve("bin/setsid"));
        assertThat(build(Mode.STANDIN, Map.of(), true).command())
                .first()
                .isEqualTo(tmp.resolve("bin/setsid").toString());
        assertThat(build(Mode.STANDIN, Map.of(), false).command()).first().isEqualTo("/opt/jdk/bin/java");
    }

    @Test
    void v1RunsTtsServerWithAllTalksOwnPython() throws Exception {
        Path install = Files.createDirectories(tmp.resolve("alltalk_tts"));
        Files.writeString(install.resolve("tts_server.py"), "");
        Path python = executable(install.resolve("alltalk_environment/env/bin/python"));
        executable(tmp.resolve("bin/python3"));

        LaunchPlan plan = build(Mode.MANAGED, Map.of("installDir", install.toString()), false);

        assertThat(plan.command()).containsExactly(python.toString(), "tts_server.py");
        assertThat(plan.workingDir()).isEqualTo(install.toAbsolutePath());
        assertThat(plan.kind()).isEqualTo(ServerKind.V1);
    }

    @Test
    void v2RunsScriptPyWithTextGenerationWebuisPythonFoundWalkingUp() throws Exception {
        Path webui = tmp.resolve("text-generation-webui");
        Path install = Files.createDirectories(webui.resolve("extensions/alltalk_tts/system/tts_engines"))
                .getParent()
                .getParent();
        Files.writeString(install.resolve("script.py"), "");
        Path python = executable(webui.resolve("installer_files/env/bin/python"));

        LaunchPlan plan = build(Mode.MANAGED, Map.of("installDir", install.toString()), false);

        assertThat(plan.command()).containsExactly(python.toString(), "script.py");
        assertThat(plan.kind()).isEqualTo(ServerKind.V2);
        assertThat(plan.timingKey()).isEqualTo("managed-v2");
    }

    @Test
    void v2sTtsServerGetsThePortOnItsCommandLineAndPython3IsTheLastResort() throws Exception {
        Path install = Files.createDirectories(tmp.resolve("alltalk/system/tts_engines"))
                .getParent()
                .getParent();
        Files.writeString(install.resolve("tts_server.py"), "");
        Path python3 = executable(tmp.resolve("bin/python3"));

        LaunchPlan plan =
                build(Mode.MANAGED, Map.of("installDir", install.toString(), "launchScript", "tts_server.py"), false);

        assertThat(plan.command()).containsExactly(python3.toString(), "tts_server.py", "--port", "7860");
    }

    @Test
    void theConfiguredPythonWins() throws Exception {
        Path install = Files.createDirectories(tmp.resolve("alltalk"));
        Files.writeString(install.resolve("tts_server.py"), "");
        executable(install.resolve("alltalk_environment/env/bin/python"));
        Path mine = executable(tmp.resolve("mypython"));

        assertThat(build(Mode.MANAGED, Map.of("installDir", install.toString(), "python", mine.toString()), false)
                        .command())
                .first()
                .isEqualTo(mine.toString());
    }

    @Test
    void problemsAreSaidInPlainWords() throws Exception {
        assertThatThrownBy(() -> build(
                        Mode.MANAGED,
                        Map.of("installDir", tmp.resolve("nowhere").toString()),
                        false))
                .isInstanceOf(LaunchProblem.class)
                .hasMessageContaining("does not exist");
        Path install = Files.createDirectories(tmp.resolve("alltalk"));
        assertThatThrownBy(() -> build(Mode.MANAGED, Map.of("installDir", install.toString()), false))
                .hasMessageContaining("has no tts_server.py");
        Files.writeString(install.resolve("tts_server.py"), "");
        assertThatThrownBy(() -> build(Mode.MANAGED, Map.of("installDir", install.toString()), false))
                .hasMessageContaining("found no Python");
        assertThatThrownBy(() ->
                        build(Mode.MANAGED, Map.of("installDir", install.toString(), "python", "/no/python"), false))
                .hasMessageContaining("(python = /no/python) was not found");
        Files.delete(files.standinJar());
        assertThatThrownBy(() -> build(Mode.STANDIN, Map.of(), false)).hasMessageContaining("program file is missing");
        assertThatThrownBy(() -> build(Mode.EXTERNAL, Map.of(), false)).hasMessageContaining("external mode");
    }

    @Test
    void extraArgumentsSplitAtSpacesAndKeepQuotedParts() {
        assertThat(CommandLineBuilder.split("  --a 1 --b 'two words' \"x y\"z  "))
                .containsExactly("--a", "1", "--b", "two words", "x yz");
        assertThat(CommandLineBuilder.split("")).isEmpty();
        assertThat(CommandLineBuilder.split(null)).isEmpty();
    }

    private static Path executable(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }
}
