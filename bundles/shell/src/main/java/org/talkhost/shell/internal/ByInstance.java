package org.talkhost.shell.internal;

import static org.talkhost.shell.internal.ShellCatalog.TEXT;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import org.talkhost.api.config.Instances;

/**
 * One per-instance service of every AllTalk instance (a Supervisor, a health monitor, a doctor, a port manager),
 * by instance name, for the commands that take {@code --instance NAME}. Fed by a multiple dynamic reference; the
 * default instance's service comes from the command's own unary reference (the default ranks highest).
 */
final class ByInstance<S> {
    private final Map<String, S> byName = new ConcurrentSkipListMap<>();

    void add(S service, Map<String, Object> props) {
        byName.put(Instances.name(props.get(Instances.NAME)), service);
    }

    void remove(S service, Map<String, Object> props) {
        byName.remove(Instances.name(props.get(Instances.NAME)), service);
    }

    /**
     * The service of instance {@code name}: {@code fallback} (the default instance's) when no name is given, a
     * plain sentence naming the {@code part} when that is not running, and the known names for a name none has.
     */
    S of(String name, S fallback, String part) {
        if (name == null || name.isBlank()) {
            return Needs.need(fallback, part);
        }
        S s = byName.get(name.strip());
        if (s == null) {
            throw new IllegalArgumentException(TEXT.text("instance.unknown", name.strip(), String.join(", ", names())));
        }
        return s;
    }

    /** The service of instance {@code name}, {@code fallback} when no name is given; null when it has none now. */
    S get(String name, S fallback) {
        return name == null || name.isBlank() ? fallback : byName.get(name.strip());
    }

    Set<String> names() {
        return byName.keySet();
    }
}
