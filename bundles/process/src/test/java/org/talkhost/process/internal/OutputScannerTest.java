package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.talkhost.api.install.AllTalkInstall;

class OutputScannerTest {
    final OutputScanner scanner = new OutputScanner(ProcessCatalog.TEXT);

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "[Errno 98] error while attempting to bind on address ('0.0.0.0', 7851): address already in use => output.port",
                "OSError: [Errno 98] Address already in use => output.port",
                "ModuleNotFoundError: No module named 'TTS' => output.module",
                "ModuleNotFoundError: No module named 'TTS.tts.configs' => output.module",
                "Intel MKL FATAL ERROR: Cannot load libmkl_core.so. => output.mkl",
                "Error: mkl-service + Intel(R) MKL: MKL_THREADING_LAYER=INTEL is incompatible with libgomp.so.1 library. => output.mkl",
                "[AllTalk Startup] CUDA is not available on this system. => output.cuda",
                "AssertionError: Torch not compiled with CUDA enabled => output.cuda",
                "RuntimeError: espeak not installed on your system => output.espeak",
                "[AllTalk ENG] espeak-ng not found. Please install espeak-ng. => output.espeak",
                "[AllTalk Model] Downloading XTTS v2 model => output.download",
                " 45%|████▌     | 812M/1.80G [00:41<00:50, 19.7MB/s] => output.download"
            })
    void recognisesWhatUsersCommonlyHit(String line, String key) {
        assertThat(scanner.scan(line))
                .get()
                .extracting(OutputScanner.Finding::key)
                .isEqualTo(key);
    }

    @Test
    void namesTheMissingPackageAndTheFix() {
        OutputScanner.Finding f =
                scanner.scan("ModuleNotFoundError: No module named 'TTS.api'").orElseThrow();
        assertThat(f.fatal()).isTrue();
        assertThat(f.text())
                .contains("missing the package \"TTS\"")
                .contains("alltalk_environment/env")
                .doesNotContain("{0}");
    }

    @Test
    void theAdviceNamesWhereThisInstallKeepsItsPython(@TempDir Path tmp) throws IOException {
        Path webuiV1 = Files.createDirectories(tmp.resolve("text-generation-webui/extensions/alltalk_tts"));
        Files.writeString(webuiV1.resolve("tts_server.py"), "");
        Path standalone = Files.createDirectories(tmp.resolve("alltalk_tts"));
        Files.writeString(standalone.resolve("tts_server.py"), "");
        String line = "ModuleNotFoundError: No module named 'torch'";

        String inWebui = new OutputScanner(ProcessCatalog.TEXT, () -> AllTalkInstall.of(webuiV1))
                .scan(line)
                .orElseThrow()
                .text();
        String alone = new OutputScanner(ProcessCatalog.TEXT, () -> AllTalkInstall.of(standalone))
                .scan(line)
                .orElseThrow()
                .text();

        assertThat(inWebui)
                .contains(
                        tmp.resolve("text-generation-webui/installer_files/env").toString())
                .doesNotContain("alltalk_environment");
        assertThat(alone).contains(standalone.resolve("alltalk_environment/env").toString());
    }

    @Test
    void explainsThePortAndMklWithWhatToDo() {
        assertThat(scanner.scan("address already in use").orElseThrow().text()).contains("alltalk:ports");
        assertThat(scanner.scan("Intel MKL FATAL ERROR").orElseThrow().text()).contains("MKL_THREADING_LAYER=GNU");
        assertThat(scanner.scan("espeak-ng not found").orElseThrow().text()).contains("sudo apt install espeak-ng");
    }

    @Test
    void ordinaryLinesAreLeftAlone() {
        assertThat(scanner.scan("env MKL_THREADING_LAYER=GNU")).isEmpty();
        assertThat(scanner.scan("[AllTalk Startup] Model loaded in 12.3 seconds."))
                .isEmpty();
        assertThat(scanner.scan("INFO:     Uvicorn running on http://127.0.0.1:7851"))
                .isEmpty();
        assertThat(scanner.scan("Loading model 100 percent done")).isEmpty();
    }

    @Test
    void theWatchKeepsEachKindOnceAndTheLastLines() {
        OutputWatch watch = new OutputWatch(scanner);
        java.util.List<OutputScanner.Finding> heard = new java.util.ArrayList<>();
        watch.onFinding(heard::add);
        watch.accept("Downloading model");
        watch.accept(" 10%|█ | 180M/1.80G");
        watch.accept(" 20%|██ | 360M/1.80G");
        watch.accept("CUDA is not available");
        assertThat(heard).extracting(OutputScanner.Finding::key).containsExactly("output.download", "output.cuda");
        assertThat(watch.downloading()).isTrue();
        assertThat(watch.explanations()).contains("graphics card").doesNotContain("downloading");
        assertThat(watch.lastLines(2)).containsExactly(" 20%|██ | 360M/1.80G", "CUDA is not available");
    }
}
