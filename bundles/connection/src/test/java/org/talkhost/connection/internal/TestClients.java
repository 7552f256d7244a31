package org.talkhost.connection.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds clients for tests: pointed at a port, waits between tries recorded instead of slept. */
final class TestClients {
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final Recorders.Log log = new Recorders.Log();
    final Recorders.Timings metrics = new Recorders.Timings();
    private final List<AllTalkClientImpl> made = new CopyOnWriteArrayList<>();

    /** A client for 127.0.0.1:{@code port}; {@code settings} are name/value pairs of either PID. */
    AllTalkClientImpl on(int port, Object... settings) {
        Map<String, Object> main = new HashMap<>();
        Map<String, Object> own = new HashMap<>();
        main.put("port", port);
        for (int i = 0; i + 1 < settings.length; i += 2) {
            String key = (String) settings[i];
            (key.startsWith("retry") || key.startsWith("generateTimeoutOverride") ? own : main)
                    .put(key, settings[i + 1]);
        }
        AllTalkClientImpl client =
                new AllTalkClientImpl(TestConfigs.alltalk(main), TestConfigs.connection(own), wait -> waits.add(wait));
        client.operationsLog = log;
        client.metrics = metrics;
        made.add(client);
        return client;
    }

    /** Stops every client made. */
    void stopAll() {
        made.forEach(AllTalkClientImpl::stop);
    }
}
