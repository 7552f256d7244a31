package org.talkhost.connection.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationStats;
import org.talkhost.api.logging.OperationsLog;

/** An operations log and a metrics sink that remember what they were given. */
final class Recorders {

    static final class Log implements OperationsLog {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void log(Level level, String message, Object... args) {
            StringBuilder out = new StringBuilder(level + " ");
            int arg = 0;
            for (int i = 0; i < message.length(); i++) {
                if (message.startsWith("{}", i) && arg < args.length) {
                    out.append(args[arg++]);
                    i++;
                } else {
                    out.append(message.charAt(i));
                }
            }
            lines.add(out.toString());
        }
    }

    static final class Timings implements Metrics {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void record(String operation, Duration took, boolean ok) {
            calls.add(operation + (ok ? " ok" : " failed"));
        }

        @Override
        public List<OperationStats> snapshot() {
            return List.of();
        }
    }

    private Recorders() {}
}
