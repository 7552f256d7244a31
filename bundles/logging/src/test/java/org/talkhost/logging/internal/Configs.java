package org.talkhost.logging.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Typed configurations for tests: the annotation's defaults, with some values replaced. */
final class Configs {
    private Configs() {}

    @SuppressWarnings("unchecked")
    static <A> A of(Class<A> type, Map<String, Object> values) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getName().equals("annotationType")) {
                return type;
            }
            return method.getDefaultValue();
        });
    }

    static LoggingConfig logging(Path folder, Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        values.put("folder", folder.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return of(LoggingConfig.class, values);
    }
}
