package org.talkhost.logging.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.talkhost.api.logging.OperationsLog;

/** Keeps what would be written, as "LEVEL message". */
final class RecordingLog implements OperationsLog {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void log(Level level, String message, Object... args) {
        lines.add(level + " " + LineFormat.message(message, args));
    }
}
