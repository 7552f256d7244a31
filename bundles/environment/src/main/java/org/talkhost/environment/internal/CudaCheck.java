package org.talkhost.environment.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talkhost.api.config.Mode;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.EnvironmentCheck;
import org.talkhost.api.environment.EnvironmentContext;
import org.talkhost.api.install.AllTalkInstall;

/**
 * Can AllTalk use an NVIDIA card: {@code nvidia-smi} and PyTorch's own answer (from the package probe).
 * Never blocking: without a card AllTalk works on the processor, slowly.
 */
@Component(property = CheckOrder.CUDA, configurationPid = EnvironmentConfig.PID)
public final class CudaCheck implements EnvironmentCheck {
    static final String ID = "cuda";
    private static final List<String> NVIDIA_SMI_ARGS =
            List.of("--query-gpu=name,driver_version,memory.total", "--format=csv,noheader");

    private final PythonProbe probe;
    private final PathLookup path;
    private final PythonLocator locator;
    private final ProcessRunner runner = new ProcessRunner();
    private final Duration timeout;

    @Activate
    public CudaCheck(@Reference PythonProbe probe, EnvironmentConfig config) {
        this(probe, PathLookup.system(), Duration.ofMillis(Math.round(config.processTimeoutSeconds() * 1000)));
    }

    CudaCheck(PythonProbe probe, PathLookup path, Duration timeout) {
        this.probe = probe;
        this.path = path;
        this.locator = new PythonLocator(path);
        this.timeout = timeout;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Findings.title(ID);
    }

    @Override
    public CheckResult run(EnvironmentContext context) {
        if (context.mode() != Mode.MANAGED) {
            return Findings.skipped(this, context.mode() == Mode.STANDIN ? "cuda.standin" : "cuda.external");
        }
        Optional<String> gpu = nvidiaSmi();
        String card = gpu.orElse("");
        AllTalkInstall install = context.install();
        PythonLocator.Choice choice = locator.locate(context);
        PythonProbe.Answer torch = install.known() && choice.found()
                ? probe.packages(choice.python(), AllTalkNeeds.of(install).packages())
                : null;
        String version = torch == null ? null : torch.get("ok.torch");
        if (version == null) {
            return gpu.isPresent()
                    ? Findings.ok(this, "cuda.gpu-no-torch", card)
                    : Findings.warn(this, "cuda.no-gpu-no-torch");
        }
        String cuda = torch.get("torch.cuda");
        String python = choice.python().toString();
        if (torch.get("torch.cuda_error") != null) {
            return Findings.warn(this, "cuda.error", version, torch.get("torch.cuda_error"));
        }
        if ("True".equals(torch.get("torch.cuda_available"))) {
            return Findings.ok(this, "cuda.ok", version, cuda, torch.get("torch.device"));
        }
        if (cuda == null || cuda.isBlank() || "None".equals(cuda)) {
            return gpu.isPresent()
                    ? Findings.warn(this, "cuda.cpu-build-gpu", version, card, python)
                    : Findings.warn(this, "cuda.cpu-build-no-gpu", version);
        }
        return gpu.isPresent()
                ? Findings.warn(this, "cuda.unusable", version, cuda, card)
                : Findings.warn(this, "cuda.no-gpu", version, cuda);
    }

    /** "NVIDIA GeForce RTX 3060 (driver 535.104.05, 12288 MiB)" for the first card, when nvidia-smi answers. */
    private Optional<String> nvidiaSmi() {
        Optional<java.nio.file.Path> smi = path.find("nvidia-smi");
        if (smi.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new java.util.ArrayList<>(List.of(smi.get().toString()));
        command.addAll(NVIDIA_SMI_ARGS);
        ProcessRunner.Outcome o = runner.run(command, timeout);
        String first = o.out().strip().split("\\R")[0];
        if (!o.succeeded() || first.isBlank()) {
            return Optional.empty();
        }
        String[] f = first.split("\\s*,\\s*");
        return Optional.of(f.length >= 3 ? f[0] + " (driver " + f[1] + ", " + f[2] + ")" : first);
    }
}
