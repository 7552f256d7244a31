package org.talkhost.api.logging;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.talkhost.api.config.Instances;

/**
 * The AllTalk operations log, {@code log/alltalk_operations.log}, in the standard Python format
 * {@code %(asctime)s - AllTalk-%(levelname)s - %(message)s}. Only AllTalk operations go there:
 * detection, starts, port choices, connections, errors, recoveries, timings.
 */
@ProviderType
public interface OperationsLog {

    /** Python's level names. */
    enum Level {
        DEBUG,
        INFO,
        WARNING,
        ERROR,
        CRITICAL
    }

    /** Logs one line; {@code {}} placeholders are filled from {@code args} as in SLF4J. */
    void log(Level level, String message, Object... args);

    default void info(String message, Object... args) {
        log(Level.INFO, message, args);
    }

    default void warning(String message, Object... args) {
        log(Level.WARNING, message, args);
    }

    default void error(String message, Object... args) {
        log(Level.ERROR, message, args);
    }

    default void debug(String message, Object... args) {
        log(Level.DEBUG, message, args);
    }

    /**
     * The file lines go to now; it follows the {@code folder} setting. Empty for a log that writes no file,
     * such as {@link #NONE}. Readers of the log (the {@code alltalk:log} command, the control API) ask here
     * rather than assume where it is.
     */
    default Optional<Path> file() {
        return Optional.empty();
    }

    /**
     * This log for the lines about AllTalk instance {@code instance} of a host with several: each begins with the
     * instance's name, as its notices do ({@link Instances#prefix}: {@code AllTalk instance 'gpu2': ...}), so that a
     * person reading the log can tell the servers apart. The default instance (or none) gets this log as it is.
     */
    default OperationsLog about(String instance) {
        String prefix = Instances.prefix(instance);
        if (prefix.isEmpty()) {
            return this;
        }
        OperationsLog all = this;
        return new OperationsLog() {
            @Override
            public void log(Level level, String message, Object... args) {
                all.log(level, prefix + message, args);
            }

            @Override
            public Optional<Path> file() {
                return all.file();
            }
        };
    }

    /** A log that writes nothing, for when the logging bundle is away. */
    OperationsLog NONE = (level, message, args) -> {};
}
