package org.talkhost.environment.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.talkhost.api.config.Mode;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.EnvironmentCheck;
import org.talkhost.api.environment.EnvironmentContext;

/**
 * PortAudio, which AllTalk's own playback (its "autoplay", through the Python sounddevice package) needs:
 * {@code ldconfig -p}, then the usual library paths. Never blocking: TalkHost can play sound itself.
 */
@Component(property = CheckOrder.PORTAUDIO, configurationPid = EnvironmentConfig.PID)
public final class PortAudioCheck implements EnvironmentCheck {
    static final String ID = "audio.portaudio";
    static final List<Path> KNOWN = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libportaudio.so.2"),
            Path.of("/usr/lib/aarch64-linux-gnu/libportaudio.so.2"),
            Path.of("/usr/lib64/libportaudio.so.2"),
            Path.of("/usr/lib/libportaudio.so.2"),
            Path.of("/usr/local/lib/libportaudio.so.2"),
            Path.of("/usr/local/lib/libportaudio.so"),
            Path.of("/opt/homebrew/lib/libportaudio.dylib"),
            Path.of("/usr/local/lib/libportaudio.dylib"));
    private static final List<Path> LDCONFIG = List.of(Path.of("/sbin/ldconfig"), Path.of("/usr/sbin/ldconfig"));

    private final ProcessRunner runner = new ProcessRunner();
    private final PathLookup path;
    private final List<Path> known;
    private final Duration timeout;
    private final boolean windows;

    @Activate
    public PortAudioCheck(EnvironmentConfig config) {
        this(
                PathLookup.system(),
                KNOWN,
                Duration.ofMillis(Math.round(config.processTimeoutSeconds() * 1000)),
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win"));
    }

    PortAudioCheck(PathLookup path, List<Path> known, Duration timeout, boolean windows) {
        this.path = path;
        this.known = known;
        this.timeout = timeout;
        this.windows = windows;
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
            return Findings.skipped(this, "portaudio.not-managed");
        }
        if (windows) {
            return Findings.skipped(this, "portaudio.windows");
        }
        Optional<String> found = fromLdconfig()
                .or(() -> known.stream().filter(Files::exists).findFirst().map(Path::toString));
        return found.map(lib -> Findings.ok(this, "portaudio.ok", lib))
                .orElseGet(() -> Findings.warn(this, "portaudio.missing"));
    }

    private Optional<String> fromLdconfig() {
        Optional<Path> ldconfig = path.find("ldconfig")
                .or(() -> LDCONFIG.stream().filter(PathLookup::executable).findFirst());
        if (ldconfig.isEmpty()) {
            return Optional.empty();
        }
        ProcessRunner.Outcome o = runner.run(List.of(ldconfig.get().toString(), "-p"), timeout);
        for (String line : o.out().split("\\R")) {
            if (line.contains("libportaudio.so")) {
                int arrow = line.indexOf("=>");
                return Optional.of(arrow > 0 ? line.substring(arrow + 2).strip() : line.strip());
            }
        }
        return Optional.empty();
    }
}
