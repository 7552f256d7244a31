package org.talkhost.connection.internal;

import java.util.Map;

import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.common.testing.Configs;

/** Typed configurations for tests: the annotation defaults, with some values replaced. */
final class TestConfigs {

    private TestConfigs() {}

    static AllTalkSettings alltalk(Map<String, Object> values) {
        return of(AllTalkSettings.class, values);
    }

    /** The main settings pointing at 127.0.0.1:{@code port}, other values from {@code more}. */
    static AllTalkSettings alltalkOn(int port, Object... more) {
        java.util.HashMap<String, Object> m = new java.util.HashMap<>();
        m.put("port", port);
        for (int i = 0; i + 1 < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return alltalk(m);
    }

    static ConnectionSettings connection(Map<String, Object> values) {
        return of(ConnectionSettings.class, values);
    }

    static ConnectionSettings connection() {
        return connection(Map.of());
    }

    private static <A> A of(Class<A> type, Map<String, Object> values) {
        return Configs.of(type, values);
    }
}
