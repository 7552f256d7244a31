package org.talkhost.web.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;

/**
 * {@code GET config} (TalkHost's settings, one object per part) and {@code PUT config/{key}}, which
 * changes one setting exactly as the console's {@code alltalk:config KEY VALUE} does: checked against
 * the setting's type, applied at once, saved to {@code config/}.
 */
final class ConfigCalls {
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,120}");
    private static final Pattern SECRET = Pattern.compile(".*(token|password|secret).*", Pattern.CASE_INSENSITIVE);

    private final HostServices services;

    ConfigCalls(HostServices services) {
        this.services = services;
    }

    Map<String, Object> all() throws IOException {
        Map<String, Object> out = new TreeMap<>();
        Configuration[] configs;
        try {
            configs = services.configAdmin().listConfigurations("(service.pid=org.talkhost.*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (configs != null) {
            for (Configuration c : configs) {
                out.put(c.getPid(), values(c.getProperties()));
            }
        }
        return out;
    }

    private static Map<String, Object> values(Dictionary<String, Object> d) {
        Map<String, Object> out = new TreeMap<>();
        if (d == null) {
            return out;
        }
        for (Enumeration<String> keys = d.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            if (k.startsWith("service.") || k.startsWith("felix.") || k.startsWith("component.")) {
                continue;
            }
            Object v = d.get(k);
            out.put(k, SECRET.matcher(k).matches() ? (String.valueOf(v).isEmpty() ? "" : "(set)") : plainValue(v));
        }
        return out;
    }

    private static Object plainValue(Object v) {
        if (v != null && v.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(v);
            Object[] copy = new Object[n];
            for (int i = 0; i < n; i++) {
                copy[i] = java.lang.reflect.Array.get(v, i);
            }
            return copy;
        }
        return v;
    }

    /** Changes {@code key} to {@code value}; answers the console's sentence and whether it worked. */
    Map<String, Object> put(String key, String value) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("\"" + key + "\" is not a setting name: use KEY or AREA.KEY, "
                    + "for example port or health.intervalSeconds.");
        }
        if (value == null) {
            throw new IllegalArgumentException("Send the new value as the request body, for example: 7852.");
        }
        CommandExec.Outcome o = CommandExec.run(
                services.commands(), "alltalk:config " + key + " $talkhostValue", Map.of("talkhostValue", value));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("value", value);
        m.put("changed", o.status() == 0);
        m.put("message", o.output());
        return m;
    }
}
