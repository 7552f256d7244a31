package org.talkhost.process.internal;

import java.util.Map;

import org.talkhost.api.config.AllTalkSettings;

/** Configuration annotation instances for tests: the defaults, with some values replaced. */
final class Configs {
    private Configs() {}

    static AllTalkSettings settings(Map<String, Object> values) {
        return of(AllTalkSettings.class, values);
    }

    static ProcessSettings tuning(Map<String, Object> values) {
        return of(ProcessSettings.class, values);
    }

    static <A> A of(Class<A> type, Map<String, Object> values) {
        return org.talkhost.common.testing.Configs.of(type, values);
    }
}
