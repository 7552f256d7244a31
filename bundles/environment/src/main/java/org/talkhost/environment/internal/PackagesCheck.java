package org.talkhost.environment.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talkhost.api.config.Mode;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.EnvironmentCheck;
import org.talkhost.api.environment.EnvironmentContext;
import org.talkhost.api.install.AllTalkInstall;

/**
 * The Python packages AllTalk needs import: all tried in one Python subprocess with a time limit.
 * Blocking in managed mode.
 */
@Component(service = EnvironmentCheck.class, property = CheckOrder.PACKAGES)
public final class PackagesCheck extends PythonUsingCheck {
    static final String ID = "python.packages";

    @Activate
    public PackagesCheck(@Reference PythonProbe probe) {
        this(probe, PathLookup.system());
    }

    PackagesCheck(PythonProbe probe, PathLookup path) {
        super(ID, probe, path);
    }

    @Override
    public CheckResult run(EnvironmentContext context) {
        if (context.mode() != Mode.MANAGED) {
            return Findings.skipped(this, context.mode() == Mode.STANDIN ? "packages.standin" : "packages.external");
        }
        AllTalkInstall install = context.install();
        if (!install.known()) {
            return Findings.skipped(this, "packages.no-install");
        }
        PythonLocator.Choice choice = locator.locate(context);
        if (!choice.found()) {
            return Findings.skipped(this, "packages.no-python");
        }
        AllTalkNeeds needs = AllTalkNeeds.of(install);
        Path python = choice.python();
        PythonProbe.Answer answer = probe.packages(python, needs.packages());
        List<String> missing = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        String firstError = "";
        for (String p : needs.packages()) {
            if (answer.get("missing." + p) != null) {
                missing.add(p);
            } else if (answer.get("broken." + p) != null) {
                broken.add(p);
                firstError = firstError.isEmpty() ? answer.get("broken." + p) : firstError;
            }
        }
        if (!missing.isEmpty()) {
            boolean otherEnv = !choice.inInstallEnv() && !choice.installEnvs().isEmpty();
            String key = otherEnv
                    ? "packages.missing-env"
                    : choice.inInstallEnv() ? "packages.missing" : "packages.missing-noenv";
            return fail(
                    key,
                    missing.size(),
                    needs.packages().size(),
                    needs.name(),
                    python,
                    String.join(", ", missing),
                    String.join(" ", missing),
                    requirements(python, install.dir()),
                    otherEnv ? choice.installEnvs().get(0) : install.environment());
        }
        if (!broken.isEmpty()) {
            return fail("packages.broken", String.join(", ", broken), python, firstError, String.join(" ", broken));
        }
        if (answer.outcome().timedOut()) {
            return Findings.warn(this, "packages.timeout", DoctorImpl.seconds(probe.importTimeout()), python);
        }
        if (!answer.understood()) {
            return fail("packages.unreadable", python, answer.outcome().problemLine());
        }
        String torch = answer.get("ok.torch");
        return Findings.ok(
                this,
                "packages.ok",
                needs.packages().size(),
                needs.name(),
                python,
                torch == null || torch.isBlank() ? "" : ", torch " + torch);
    }

    /** " (or all of them: python -m pip install -r <file>)" when AllTalk ships a requirements file, else "". */
    private static String requirements(Path python, Path dir) {
        Optional<Path> file = Optional.empty();
        for (Path folder : List.of(dir, dir.resolve("system").resolve("requirements"))) {
            if (file.isEmpty() && Files.isDirectory(folder)) {
                try (Stream<Path> s = Files.list(folder)) {
                    file = s.filter(p -> p.getFileName().toString().matches("requirements.*\\.txt"))
                            .min(Comparator.comparing((Path p) -> !p.toString().contains("standalone"))
                                    .thenComparing(Path::toString));
                } catch (IOException e) {
                    // no hint then
                }
            }
        }
        return file.map(f -> EnvironmentCatalog.TEXT.text("packages.requirements-hint", python, f))
                .orElse("");
    }
}
