package org.talkhost.environment.internal;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talkhost.api.config.Mode;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.EnvironmentCheck;
import org.talkhost.api.environment.EnvironmentContext;

/** The Python that would run AllTalk: found, its version, its environment. Blocking in managed mode. */
@Component(service = EnvironmentCheck.class, property = CheckOrder.PYTHON)
public final class PythonCheck extends PythonUsingCheck {
    static final String ID = "python";

    @Activate
    public PythonCheck(@Reference PythonProbe probe) {
        this(probe, PathLookup.system());
    }

    PythonCheck(PythonProbe probe, PathLookup path) {
        super(ID, probe, path);
    }

    @Override
    public CheckResult run(EnvironmentContext context) {
        if (context.mode() != Mode.MANAGED) {
            return Findings.skipped(this, context.mode() == Mode.STANDIN ? "python.standin" : "python.external");
        }
        PythonLocator.Choice choice = locator.locate(context);
        if (!choice.found()) {
            return choice.source() == PythonLocator.Source.CONFIGURED
                    ? fail("python.configured-missing", choice.configured())
                    : fail("python.none");
        }
        Path python = choice.python();
        PythonProbe.Answer answer = probe.identity(python);
        if (answer.outcome().timedOut()) {
            return fail("python.timeout", python);
        }
        if (!answer.understood()) {
            return fail("python.broken", python, answer.outcome().problemLine());
        }
        AllTalkNeeds needs = AllTalkNeeds.of(context.install());
        String version = answer.get("version");
        String where = where(answer);
        if (needs.tooOld(version)) {
            return fail("python.too-old", version, python, needs.name(), needs.minVersion());
        }
        if (needs.tooNew(version)) {
            return Findings.warn(this, "python.too-new", version, python, where);
        }
        if (!choice.installEnvs().isEmpty() && !choice.inInstallEnv() && !samePrefix(answer, choice)) {
            return Findings.warn(
                    this,
                    "python.wrong-env",
                    version,
                    python,
                    where,
                    choice.installEnvs().get(0));
        }
        return Findings.ok(
                this,
                "python.ok",
                version,
                python,
                where,
                EnvironmentCatalog.TEXT.text(
                        "python.source." + choice.source().name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** "conda environment env, prefix /opt/x" or "prefix /usr". */
    static String where(PythonProbe.Answer answer) {
        String conda = answer.get("conda_env");
        String prefix = answer.get("prefix");
        return conda == null || conda.isBlank()
                ? "prefix " + prefix
                : "conda environment " + conda + ", prefix " + prefix;
    }

    private static boolean samePrefix(PythonProbe.Answer answer, PythonLocator.Choice choice) {
        String prefix = answer.get("prefix");
        if (prefix == null || prefix.isBlank()) {
            return false;
        }
        try {
            Path p = Path.of(prefix).toRealPath();
            for (Path env : choice.installEnvs()) {
                if (p.equals(env.toRealPath())) {
                    return true;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        return false;
    }
}
