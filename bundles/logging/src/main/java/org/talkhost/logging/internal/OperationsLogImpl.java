package org.talkhost.logging.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.config.HostPaths;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.notice.Messages;
import org.talkhost.common.Notices;

/**
 * {@code log/alltalk_operations.log}: thread-safe, appends, one OS write per line, rotated by size. Level,
 * folder and limits change at run time through {@link LoggingConfig}.
 */
@Component(service = OperationsLog.class, immediate = true, configurationPid = LoggingConfig.PID)
@Designate(ocd = LoggingConfig.class)
public final class OperationsLogImpl implements OperationsLog {
    static final String FILE_NAME = "alltalk_operations.log";
    private static final Duration RETRY = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(OperationsLogImpl.class);

    static final long MEGABYTE = 1024L * 1024L;

    private final Clock clock;
    private final long megabyte;
    private final LineFormat format;
    private final Messages messages = LoggingCatalog.TEXT;
    private final Object lock = new Object();
    private volatile Level threshold = Level.INFO;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    private RotatingFile file;
    private Path wanted;
    private long maxBytes;
    private int backups;
    private Instant nextRetry = Instant.MIN;
    private boolean closed;

    @Activate
    public OperationsLogImpl(LoggingConfig config) {
        this(config, Clock.systemDefaultZone(), MEGABYTE);
    }

    OperationsLogImpl(LoggingConfig config, Clock clock) {
        this(config, clock, MEGABYTE);
    }

    /** {@code megabyte}: the bytes of one unit of {@code maxFileSizeMb}; tests make it small. */
    OperationsLogImpl(LoggingConfig config, Clock clock, long megabyte) {
        this.clock = clock;
        this.megabyte = megabyte;
        this.format = new LineFormat(clock.getZone() == null ? ZoneId.systemDefault() : clock.getZone());
        configure(config);
        info(
                "TalkHost operations log opened: {} (level {}, rotated at {} MB, {} old files kept)",
                wanted,
                threshold,
                maxBytes / megabyte,
                backups);
    }

    @Modified
    void configure(LoggingConfig config) {
        threshold = parseLevel(config.level());
        Path folder = folder(config.folder());
        synchronized (lock) {
            maxBytes = Math.max(1, config.maxFileSizeMb()) * megabyte;
            backups = Math.max(0, config.maxFiles());
            Path target = folder.resolve(FILE_NAME);
            if (file != null && !file.path().equals(target)) {
                closeFile();
            }
            wanted = target;
            nextRetry = Instant.MIN;
            if (file != null) {
                try {
                    file.limits(maxBytes, backups);
                } catch (IOException e) {
                    LOG.warn("Could not remove old rotated operations logs in {}: {}", folder, e.toString());
                }
            } else {
                openFile();
            }
        }
    }

    @Override
    public void log(Level level, String message, Object... args) {
        if (level == null || level.compareTo(threshold) < 0) {
            return;
        }
        String text = LineFormat.message(message, args);
        synchronized (lock) {
            if (closed || (file == null && !openFile())) {
                return;
            }
            try {
                file.append(format.line(clock.instant(), level, text));
            } catch (IOException e) {
                LOG.warn("Could not write to the operations log {}: {}", wanted, e.toString());
                closeFile();
                nextRetry = clock.instant().plus(RETRY);
            }
        }
    }

    Level threshold() {
        return threshold;
    }

    Path path() {
        synchronized (lock) {
            return wanted;
        }
    }

    @Override
    public Optional<Path> file() {
        return Optional.ofNullable(path());
    }

    @Deactivate
    void close() {
        info("TalkHost operations log closed (the logging bundle is stopping, being updated, or TalkHost is "
                + "shutting down)");
        synchronized (lock) {
            closeFile();
            closed = true;
        }
    }

    private boolean openFile() {
        Instant now = clock.instant();
        if (now.isBefore(nextRetry)) {
            return false;
        }
        try {
            file = new RotatingFile(wanted, maxBytes, backups);
            return true;
        } catch (IOException | RuntimeException e) {
            nextRetry = now.plus(RETRY);
            LOG.warn("Cannot open the AllTalk operations log {}: {}", wanted, e.toString());
            Notices.post(events, messages.warning("log.unwritable", wanted, e.getMessage()));
            return false;
        }
    }

    private void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.warn("Could not close the operations log {}: {}", file.path(), e.toString());
            }
            file = null;
        }
    }

    static Path folder(String configured) {
        if (configured == null || configured.isBlank()) {
            return HostPaths.logs();
        }
        Path p = Path.of(configured.trim());
        return p.isAbsolute() ? p : HostPaths.home().resolve(p);
    }

    static Level parseLevel(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        switch (n) {
            case "WARN":
                return Level.WARNING;
            case "FATAL":
                return Level.CRITICAL;
            case "TRACE":
                return Level.DEBUG;
            default:
                for (Level l : Level.values()) {
                    if (l.name().equals(n)) {
                        return l;
                    }
                }
                LOG.warn(
                        "Unknown operations log level \"{}\"; using INFO. Use DEBUG, INFO, WARNING, ERROR or CRITICAL.",
                        name);
                return Level.INFO;
        }
    }
}
