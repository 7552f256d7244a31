package org.talkhost.environment.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.talkhost.api.config.Mode;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.EnvironmentCheck;
import org.talkhost.api.environment.EnvironmentContext;
import org.talkhost.api.install.AllTalkInstall;

/**
 * espeak-ng on the PATH: AllTalk v2's Piper engine needs it (without it v2 may load no model), and the
 * stand-in speaks real words with it (else it plays a labelled tone). Never blocking.
 */
@Component(property = CheckOrder.ESPEAK, configurationPid = EnvironmentConfig.PID)
public final class EspeakCheck implements EnvironmentCheck {
    static final String ID = "espeak-ng";
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?)");

    private final ProcessRunner runner = new ProcessRunner();
    private final PathLookup path;
    private final Duration timeout;

    @Activate
    public EspeakCheck(EnvironmentConfig config) {
        this(PathLookup.system(), Duration.ofMillis(Math.round(config.processTimeoutSeconds() * 1000)));
    }

    EspeakCheck(PathLookup path, Duration timeout) {
        this.path = path;
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
        Optional<Path> espeak = path.find("espeak-ng");
        if (espeak.isPresent()) {
            ProcessRunner.Outcome o = runner.run(List.of(espeak.get().toString(), "--version"), timeout);
            Matcher m = VERSION.matcher(o.out());
            return Findings.ok(this, "espeak.ok", m.find() ? m.group(1) : "(version unknown)", espeak.get());
        }
        if (context.mode() == Mode.STANDIN) {
            return Findings.warn(this, "espeak.missing.standin");
        }
        if (context.mode() == Mode.EXTERNAL) {
            return Findings.skipped(this, "espeak.missing.external");
        }
        AllTalkInstall install = context.install();
        return install.v1() ? Findings.ok(this, "espeak.missing.v1") : Findings.warn(this, "espeak.missing.v2");
    }
}
