package org.talkhost.process.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.talkhost.api.config.AllTalkSettings;

/** Configuration annotation instances for tests: the defaults, with some values replaced. */
final class Configs {
    private Configs() {
    }

    static AllTalkSettings settings(Map<String, Object> values) {
        return of(AllTalkSettings.class, values);
    }

    static ProcessSettings tuning(Map<String, Object> values) {
        return of(ProcessSettings.class, values);
    }

    static <A> A of(Class<A> type, Map<String, Object> values) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (self, m, args) -> {
            switch (m.getName()) {
            case "annotationType":
                return type;
            case "toString":
                return type.getSimpleName() + values;
            case "hashCode":
                return values.hashCode();
            case "equals":
                return self == args[0];
            default:
                return values.containsKey(m.getName()) ? values.get(m.getName()) : m.getDefaultValue();
            }
        });
        return type.cast(proxy);
    }
}
