package org.talkhost.health.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.talkhost.api.logging.OperationsLog;

final class RecordingOperationsLog implements OperationsLog {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void log(Level level, String message, Object... args) {
        String text = message;
        for (Object a : args) {
            text = text.replaceFirst("\\{\\}", java.util.regex.Matcher.quoteReplacement(String.valueOf(a)));
        }
        lines.add(level + " " + text);
    }
}
