package org.talkhost.api.logging;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

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

    /** A log that writes nothing, for when the logging bundle is away. */
    OperationsLog NONE = (level, message, args) -> {};
}
