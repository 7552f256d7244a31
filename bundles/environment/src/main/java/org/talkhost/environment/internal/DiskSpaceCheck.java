package org.talkhost.environment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.talkhost.api.config.HostPaths;
import org.talkhost.api.config.Mode;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.CheckStatus;
import org.talkhost.api.environment.EnvironmentCheck;
import org.talkhost.api.environment.EnvironmentContext;

/**
 * Free space for voice models (about 2 GB each) on the disk of the AllTalk folder, or of TalkHost's
 * folder. Warns below {@code warnFreeGb}, fails below {@code failFreeGb}; never blocking.
 */
@Component(property = CheckOrder.DISK, configurationPid = EnvironmentConfig.PID)
public final class DiskSpaceCheck implements EnvironmentCheck {
    static final String ID = "disk";
    private static final double GB = 1024.0 * 1024 * 1024;

    private final ToLongFunction<Path> usableBytes;
    private final Supplier<Path> home;
    private volatile double warnGb;
    private volatile double failGb;

    @Activate
    public DiskSpaceCheck(EnvironmentConfig config) {
        this(DiskSpaceCheck::usable, HostPaths::home);
        configure(config);
    }

    DiskSpaceCheck(ToLongFunction<Path> usableBytes, Supplier<Path> home) {
        this.usableBytes = usableBytes;
        this.home = home;
        this.warnGb = 5;
        this.failGb = 1;
    }

    @Modified
    void configure(EnvironmentConfig config) {
        warnGb = config.warnFreeGb();
        failGb = config.failFreeGb();
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
        boolean models = context.mode() == Mode.MANAGED && context.installDir() != null;
        Path where = existing(models ? context.installDir().toAbsolutePath() : home.get());
        double free;
        try {
            free = usableBytes.applyAsLong(where) / GB;
        } catch (RuntimeException e) {
            return Findings.warn(this, "disk.unknown", where, String.valueOf(e.getMessage()));
        }
        String gb = String.format(Locale.ROOT, "%.1f", free);
        if (!models) {
            return free < failGb
                    ? Findings.warn(this, "disk.low.standin", gb, where)
                    : Findings.ok(this, "disk.ok", gb, where);
        }
        if (free < failGb) {
            return Findings.of(this, CheckStatus.FAIL, false, "disk.full", gb, where);
        }
        return free < warnGb
                ? Findings.warn(this, "disk.low", gb, where)
                : Findings.ok(this, "disk.ok.models", gb, where);
    }

    private static Path existing(Path p) {
        Path q = p;
        while (q != null && !Files.exists(q)) {
            q = q.getParent();
        }
        return q == null ? p : q;
    }

    private static long usable(Path p) {
        try {
            return Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
