package org.talkhost.api.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.install.AllTalkInstall.Layout;

class AllTalkInstallTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderWithTtsServerIsV1StartedByTtsServer() throws IOException {
        Path dir = folder("alltalk_tts", "tts_server.py", "script.py", "confignew.json");
        AllTalkInstall i = AllTalkInstall.of(dir);
        assertThat(i.layout()).isEqualTo(Layout.V1);
        assertThat(i.kind()).isEqualTo(ServerKind.V1);
        assertThat(i.script()).isEqualTo("tts_server.py");
        assertThat(i.environment()).isEqualTo(dir.resolve("alltalk_environment/env"));
    }

    @Test
    void v2HasItsEnginesAndStartsWithScriptPy() throws IOException {
        Path dir = folder(
                "alltalk_tts",
                "script.py",
                "tts_server.py",
                "system/tts_engines/xtts/",
                "system/tts_engines/piper/",
                "system/tts_engines/_template/");
        AllTalkInstall i = AllTalkInstall.of(dir);
        assertThat(i.layout()).isEqualTo(Layout.V2);
        assertThat(i.engines()).containsExactly("piper", "xtts");
        assertThat(i.script()).isEqualTo("script.py");
        assertThat(i.apiServerOnly()).isFalse();
        assertThat(AllTalkInstall.of(dir, "tts_server.py").apiServerOnly()).isTrue();
        assertThat(i.environment()).isEqualTo(dir.resolve("alltalk_environment/env"));
    }

    @Test
    void aConfigWithApiDefMakesV2AndEnginesWithoutScriptAnIncompleteDownload() throws IOException {
        Path dir = folder("a", "tts_server.py", "confignew.json");
        Files.writeString(dir.resolve("confignew.json"), "{\"api_def\": {\"api_port_number\": 7851}}");
        assertThat(AllTalkInstall.of(dir).layout()).isEqualTo(Layout.V2);
        assertThat(AllTalkInstall.of(folder("b", "system/tts_engines/xtts/")).layout())
                .isEqualTo(Layout.INCOMPLETE_V2);
        assertThat(AllTalkInstall.of(folder("c", "readme.txt")).layout()).isEqualTo(Layout.NOT_ALLTALK);
        assertThat(AllTalkInstall.of(tmp.resolve("nowhere")).layout()).isEqualTo(Layout.MISSING);
        assertThat(AllTalkInstall.of(null).layout()).isEqualTo(Layout.NONE);
    }

    @Test
    void v1InsideTextGenerationWebuiUsesTheWebuisEnvironment() throws IOException {
        Path webui = tmp.resolve("text-generation-webui");
        Path dir = folder("text-generation-webui/extensions/alltalk_tts", "tts_server.py");
        AllTalkInstall withoutEnv = AllTalkInstall.of(dir);
        assertThat(withoutEnv.insideWebui()).isTrue();
        assertThat(withoutEnv.environment()).isEqualTo(webui.resolve("installer_files/env"));
        assertThat(withoutEnv.python()).isEmpty();

        Path python = executable(webui.resolve("installer_files/env/bin/python"));
        AllTalkInstall withEnv = AllTalkInstall.of(dir);
        assertThat(withEnv.environment()).isEqualTo(webui.resolve("installer_files/env"));
        assertThat(withEnv.python()).contains(python);
    }

    @Test
    void aStandaloneInstallPrefersItsOwnEnvironment() throws IOException {
        Path dir = folder("alltalk_tts", "tts_server.py");
        Path own = executable(dir.resolve("alltalk_environment/env/bin/python"));
        AllTalkInstall i = AllTalkInstall.of(dir);
        assertThat(i.insideWebui()).isFalse();
        assertThat(i.python()).contains(own);
    }

    @Test
    void theSameRuleServesMadeUpFolders() {
        AllTalkInstall.Folder v2 = rel -> rel.equals("script.py") || rel.equals("system/tts_engines");
        assertThat(AllTalkInstall.of(Path.of("/x"), "", v2, null).kind()).isEqualTo(ServerKind.V2);
        AllTalkInstall.Folder v1 = rel -> rel.equals("tts_server.py") || rel.equals("script.py");
        assertThat(AllTalkInstall.of(Path.of("/x"), "", v1, null).kind()).isEqualTo(ServerKind.V1);
    }

    private Path folder(String name, String... files) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        for (String f : files) {
            Path p = dir.resolve(f);
            if (f.endsWith("/")) {
                Files.createDirectories(p);
            } else {
                Files.createDirectories(p.getParent());
                Files.writeString(p, "");
            }
        }
        return dir;
    }

    private static Path executable(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }
}
