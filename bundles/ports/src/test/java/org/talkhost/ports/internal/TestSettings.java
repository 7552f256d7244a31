package org.talkhost.ports.internal;

import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.common.testing.Configs;

/** AllTalkSettings as DS would give them: the annotation's defaults, with some values overridden. */
final class TestSettings {
    private TestSettings() {}

    static AllTalkSettings with(Object... keysAndValues) {
        return Configs.of(AllTalkSettings.class, keysAndValues);
    }
}
