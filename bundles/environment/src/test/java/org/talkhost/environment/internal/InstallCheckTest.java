package org.talkhost.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.config.Mode;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;
import org.talkhost.api.environment.EnvironmentContext;

class InstallCheckTest {
    final InstallCheck check = new InstallCheck();

    @TempDir
    Path dir;

    @Test
    void findsV1AndSaysWhatNeedsV2() throws Exception {
        CheckResult r = check.run(Fakes.managed(Fakes.v1(dir.resolve("alltalk_tts")), ""));
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.message())
                .startsWith("AllTalk v1 (main branch) found in")
                .contains("OpenAI speech endpoint", "need v2 (alltalkbeta branch)");
        assertThat(r.fix()).isEmpty();
        assertThat(r.title()).isEqualTo("AllTalk install");
    }

    @Test
    void findsV2WithItsEngines() throws Exception {
        CheckResult r = check.run(Fakes.managed(Fakes.v2(dir.resolve("alltalk_tts")), ""));
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.message()).contains("AllTalk v2 (alltalkbeta branch)", "engines: piper, xtts");
    }

    @Test
    void aMissingFolderBlocksAManagedStartAndSaysWhatToSet() {
        CheckResult r = check.run(Fakes.managed(dir.resolve("nowhere"), ""));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.blocks()).isTrue();
        assertThat(r.message()).contains("nowhere", "does not exist");
        assertThat(r.fix()).contains("installDir in config/org.talkhost.alltalk.config", "tts_server.py", "script.py");
    }

    @Test
    void aFolderThatIsNotAllTalkBlocks() throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "hello");
        CheckResult r = check.run(Fakes.managed(dir, ""));
        assertThat(r.blocks()).isTrue();
        assertThat(r.message()).contains("not an AllTalk folder");
        assertThat(r.fix()).contains("installDir");
    }

    @Test
    void anIncompleteV2DownloadBlocks() throws Exception {
        Files.createDirectories(dir.resolve("system/tts_engines/piper"));
        CheckResult r = check.run(Fakes.managed(dir, ""));
        assertThat(r.blocks()).isTrue();
        assertThat(r.message()).contains("incomplete");
        assertThat(r.fix()).contains("alltalkbeta", "atsetup.sh");
    }

    @Test
    void managedModeWithoutAFolderBlocksAndOffersTheStandIn() {
        CheckResult r = check.run(Fakes.managed(null, ""));
        assertThat(r.blocks()).isTrue();
        assertThat(r.fix()).contains("installDir", "mode to standin");
    }

    @Test
    void theStandInNeedsNoInstall() {
        CheckResult r = check.run(Fakes.standin());
        assertThat(r.status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(r.blocks()).isFalse();
        assertThat(r.message()).contains("stand-in");
    }

    @Test
    void externalModeNeverBlocks() {
        CheckResult r = check.run(new EnvironmentContext(Mode.EXTERNAL, dir.resolve("gone"), "", "h", List.of(7851)));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.blocks()).isFalse();
    }
}
