package org.talkhost.environment.internal;

import org.osgi.service.component.annotations.Component;
import org.talkhost.api.config.Mode;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;
import org.talkhost.api.environment.EnvironmentCheck;
import org.talkhost.api.environment.EnvironmentContext;
import org.talkhost.api.install.AllTalkInstall;

/**
 * Is AllTalk installed, and which one. Supported: v1 from the {@code main} branch (a folder with
 * {@code tts_server.py}) and v2 from the {@code alltalkbeta} branch ({@code script.py} and
 * {@code system/tts_engines}). The OpenAI speech endpoint and engines other than XTTS need v2.
 * Blocking in managed mode.
 */
@Component(property = CheckOrder.INSTALL)
public final class InstallCheck implements EnvironmentCheck {
    static final String ID = "alltalk.install";

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
        Mode mode = context.mode();
        if (mode == Mode.STANDIN) {
            return Findings.skipped(this, "install.standin");
        }
        if (mode == Mode.EXTERNAL && context.installDir() == null) {
            return Findings.skipped(this, "install.external");
        }
        boolean blocking = mode == Mode.MANAGED;
        AllTalkInstall install = context.install();
        switch (install.layout()) {
            case V1:
                return Findings.ok(this, "install.v1", install.dir());
            case V2:
                return Findings.ok(
                        this,
                        "install.v2",
                        install.dir(),
                        install.engines().isEmpty() ? "none yet" : String.join(", ", install.engines()));
            case NONE:
                return Findings.of(this, CheckStatus.FAIL, blocking, "install.none");
            case MISSING:
                return Findings.of(this, CheckStatus.FAIL, blocking, "install.missing", install.dir());
            case INCOMPLETE_V2:
                return Findings.of(this, CheckStatus.FAIL, blocking, "install.incomplete", install.dir());
            default:
                return Findings.of(this, CheckStatus.FAIL, blocking, "install.foreign", install.dir());
        }
    }
}
