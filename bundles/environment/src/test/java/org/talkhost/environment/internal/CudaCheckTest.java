package org.talkhost.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;

@DisabledOnOs(OS.WINDOWS)
class CudaCheckTest {
    @TempDir
    Path dir;

    Path install;
    Path python;
    Path gpuBin;

    @BeforeEach
    void setUp() throws Exception {
        install = Fakes.v2(dir.resolve("at"));
        python = install.resolve("alltalk_environment/env/bin/python");
        gpuBin = dir.resolve("gpu-bin");
        Fakes.script(gpuBin.resolve("nvidia-smi"), "echo 'NVIDIA GeForce RTX 3060, 535.104.05, 12288 MiB'\n");
    }

    CheckResult run(String path) {
        return new CudaCheck(Fakes.probe(), new PathLookup(path), Duration.ofSeconds(2))
                .run(Fakes.managed(install, ""));
    }

    @Test
    void cudaThatWorksIsOk() throws Exception {
        new Fakes.Python().writeTo(python);
        CheckResult r = run(gpuBin.toString());
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.message()).contains("PyTorch 2.2.1+cu121 uses CUDA 12.1 on NVIDIA GeForce RTX 3060");
    }

    @Test
    void torchWithoutCudaOnAMachineWithACardIsExplainedWithTheInstallCommand() throws Exception {
        new Fakes.Python().cpuTorch().writeTo(python);
        CheckResult r = run(gpuBin.toString());
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.blocks()).isFalse();
        assertThat(r.message())
                .contains("built without CUDA", "NVIDIA GeForce RTX 3060 (driver 535.104.05, 12288 MiB)", "slowly");
        assertThat(r.fix()).contains(python + " -m pip install --force-reinstall torch torchaudio --index-url");
    }

    @Test
    void noCardAndCpuTorchWarnsThatItWorksSlowly() throws Exception {
        new Fakes.Python().cpuTorch().writeTo(python);
        CheckResult r = run(dir.resolve("no-gpu-bin").toString());
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.blocks()).isFalse();
        assertThat(r.message()).contains("no NVIDIA card", "built without CUDA", "it works, but");
        assertThat(r.fix()).contains("Nothing to fix");
    }

    @Test
    void cudaTorchWithoutACardWarns() throws Exception {
        new Fakes.Python().cudaUnavailable().writeTo(python);
        CheckResult r = run("");
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.message()).contains("supports CUDA 12.1", "no NVIDIA card answers");
        assertThat(r.fix()).contains("install or repair its driver");
    }

    @Test
    void aCardThatTorchCannotUsePointsToTheDriver() throws Exception {
        new Fakes.Python().cudaUnavailable().writeTo(python);
        CheckResult r = run(gpuBin.toString());
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.message()).contains("answers, but PyTorch");
        assertThat(r.fix()).contains("Update the NVIDIA driver", "CUDA 12.1");
    }

    @Test
    void withoutTorchOnlyTheCardIsReported() throws Exception {
        new Fakes.Python().missing("torch").writeTo(python);
        assertThat(run(gpuBin.toString()).status()).isEqualTo(CheckStatus.OK);
        CheckResult none =
                new CudaCheck(Fakes.probe(), new PathLookup(""), Duration.ofSeconds(2)).run(Fakes.managed(install, ""));
        assertThat(none.status()).isEqualTo(CheckStatus.WARN);
        assertThat(none.fix()).contains("install its driver");
    }

    @Test
    void theStandInDoesNotUseTheCard() {
        assertThat(new CudaCheck(Fakes.probe(), new PathLookup(""), Duration.ofSeconds(1))
                        .run(Fakes.standin())
                        .status())
                .isEqualTo(CheckStatus.SKIPPED);
    }
}
