package org.talkhost.logging.internal;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.logging.OperationsLog;

/**
 * Logs every change of a TalkHost configuration ({@code org.talkhost.*}) with the keys that changed:
 * "Configuration org.talkhost.alltalk changed: port=7852". Values of keys that look secret are hidden.
 */
@Component(immediate = true)
public final class ConfigChangeLogger implements ConfigurationListener {
    static final String PREFIX = "org.talkhost.";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigChangeLogger.class);
    private static final Set<String> BOOKKEEPING = Set.of(
            Constants.SERVICE_PID,
            ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION,
            "felix.fileinstall.filename",
            "component.name",
            "component.id");
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|apikey|api_key).*");

    private final OperationsLog log;
    private final ConfigurationAdmin admin;
    private final Map<String, Map<String, String>> known = new ConcurrentHashMap<>();

    @Activate
    public ConfigChangeLogger(@Reference OperationsLog log, @Reference ConfigurationAdmin admin) {
        this.log = log;
        this.admin = admin;
        try {
            Configuration[] all = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + PREFIX + "*)");
            for (Configuration c : all == null ? new Configuration[0] : all) {
                known.put(c.getPid(), values(c.getProperties()));
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Could not read the current TalkHost configurations", e);
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        if (pid == null || !pid.startsWith(PREFIX)) {
            return;
        }
        if (event.getType() == ConfigurationEvent.CM_DELETED) {
            known.remove(pid);
            log.info("Configuration {} deleted: its defaults apply", pid);
            return;
        }
        if (event.getType() != ConfigurationEvent.CM_UPDATED) {
            return;
        }
        try {
            Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
            if (found == null || found.length == 0) {
                return;
            }
            Map<String, String> now = values(found[0].getProperties());
            Map<String, String> before = known.put(pid, now);
            String changes = describe(before == null ? Map.of() : before, now);
            if (before == null) {
                log.info("Configuration {} set: {}", pid, changes.isEmpty() ? "(no values)" : changes);
            } else if (!changes.isEmpty()) {
                log.info("Configuration {} changed: {}", pid, changes);
            }
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.warn("Could not read the changed configuration {}", pid, e);
            log.info("Configuration {} changed", pid);
        }
    }

    /** "port=7852, host=0.0.0.0, python removed" in key order; empty when nothing changed. */
    static String describe(Map<String, String> before, Map<String, String> now) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!Objects.equals(before.get(e.getKey()), e.getValue())) {
                parts.add(e.getKey() + "=" + e.getValue());
            }
        }
        for (String key : before.keySet()) {
            if (!now.containsKey(key)) {
                parts.add(key + " removed");
            }
        }
        Collections.sort(parts);
        return String.join(", ", parts);
    }

    static Map<String, String> values(Dictionary<String, Object> props) {
        Map<String, String> out = new TreeMap<>();
        if (props == null) {
            return out;
        }
        for (String key : Collections.list(props.keys())) {
            if (!BOOKKEEPING.contains(key)) {
                out.put(key, SECRET.matcher(key).matches() ? "(hidden)" : text(props.get(key)));
            }
        }
        return out;
    }

    private static String text(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(String.valueOf(Array.get(value, i)));
            }
            return "[" + String.join(", ", items) + "]";
        }
        return String.valueOf(value);
    }
}
