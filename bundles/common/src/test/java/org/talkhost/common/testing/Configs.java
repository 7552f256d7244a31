package org.talkhost.common.testing;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * For tests: an instance of a configuration annotation as DS would give it, its defaults with some
 * values replaced. (Never reaches a bundle: no main code refers to this package, so bnd copies none of it.)
 */
public final class Configs {

    private Configs() {}

    /** {@code of(AllTalkSettings.class, "ports", new int[] {7860}, "mode", "standin")}. */
    public static <A> A of(Class<A> type, Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return of(type, values);
    }

    public static <A> A of(Class<A> type, Map<String, Object> values) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, m, args) -> {
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
