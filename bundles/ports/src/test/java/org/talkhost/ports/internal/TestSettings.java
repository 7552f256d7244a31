package org.talkhost.ports.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.talkhost.api.config.AllTalkSettings;

/** AllTalkSettings as DS would give them: the annotation's defaults, with some values overridden. */
final class TestSettings {
    private TestSettings() {
    }

    static AllTalkSettings with(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return (AllTalkSettings) Proxy.newProxyInstance(AllTalkSettings.class.getClassLoader(),
                new Class<?>[] { AllTalkSettings.class }, (proxy, method, args) -> {
                    String name = method.getName();
                    if (values.containsKey(name)) {
                        return values.get(name);
                    }
                    switch (name) {
                    case "annotationType":
                        return AllTalkSettings.class;
                    case "toString":
                        return "TestSettings" + values;
                    case "hashCode":
                        return values.hashCode();
                    case "equals":
                        return proxy == args[0];
                    default:
                        return method.getDefaultValue();
                    }
                });
    }
}
