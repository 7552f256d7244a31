package org.talkhost.logging.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.SynchronousConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.config.SettingRules;

/**
 * Keeps the last good TalkHost settings in force when a configuration file says something TalkHost
 * cannot use: a line that is not a setting, a value it cannot read ({@code D"5"}), or a value outside its
 * range. Runs synchronously inside the update (FileInstall's own thread), before any component or
 * the write-back ({@link ConfigWriteBack}) sees the new values, and replaces them at once with the good ones. When the
 * file itself is at fault, the repaired configuration is detached from the file (no
 * {@code felix.fileinstall.filename}), so that nothing TalkHost changes later rewrites or empties it;
 * once the person fixes the file, FileInstall reads it again and the two are joined again.
 */
@Component(immediate = true, service = SynchronousConfigurationListener.class)
public final class ConfigGuard implements SynchronousConfigurationListener {
    static final String FILENAME = "felix.fileinstall.filename";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigGuard.class);
    private static final Set<String> AUTOMATIC = Set.of(
            Constants.SERVICE_PID,
            ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION,
            FILENAME);

    private final ConfigurationAdmin admin;
    private final SettingRules rules;
    private final GuardReport report;
    private final Map<String, Map<String, Object>> lastGood = new ConcurrentHashMap<>();
    private final ThreadLocal<Boolean> repairing = ThreadLocal.withInitial(() -> false);

    @Activate
    public ConfigGuard(
            @Reference ConfigurationAdmin admin, @Reference SettingRules rules, @Reference GuardReport report) {
        this.admin = admin;
        this.rules = rules;
        this.report = report;
        try {
            Configuration[] all =
                    admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + ConfigChangeLogger.PREFIX + "*)");
            for (Configuration c : all == null ? new Configuration[0] : all) {
                check(c);
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Could not read the TalkHost configurations to check them", e);
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (event.getType() != ConfigurationEvent.CM_UPDATED
                || event.getPid() == null
                || !event.getPid().startsWith(ConfigChangeLogger.PREFIX)
                || repairing.get()) {
            return;
        }
        try {
            Configuration found = find(admin, event.getPid());
            if (found != null) {
                check(found);
            }
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.warn("Could not check the changed configuration {}", event.getPid(), e);
        }
    }

    /** The configuration {@code pid} when it exists (never made, unlike {@code getConfiguration}); else null. */
    static Configuration find(ConfigurationAdmin admin, String pid) throws IOException, InvalidSyntaxException {
        Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
        return found == null || found.length == 0 ? null : found[0];
    }

    void check(Configuration c) throws IOException {
        Dictionary<String, Object> props = c.getProperties();
        if (props == null) {
            return;
        }
        String pid = c.getPid();
        // an instance's own file (org.talkhost.alltalk~NAME) follows the rules of org.talkhost.alltalk
        String rulesPid = c.getFactoryPid() != null ? c.getFactoryPid() : pid.replaceFirst("~.*$", "");
        Map<String, Object> current = settings(props);
        ConfigFile file = file(props.get(FILENAME));
        boolean fileFaulty = file != null && !file.problems().isEmpty();
        Map<String, Object> base = fileFaulty ? file.values() : current;
        Map<String, Object> last = lastGood.getOrDefault(pid, Map.of());
        Map<String, Object> good = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, Object> e : base.entrySet()) {
            String why = rules.refusal(rulesPid, e.getKey(), e.getValue());
            if (why == null) {
                good.put(e.getKey(), e.getValue());
            } else {
                refused.add(report.refusedValue(e.getKey(), e.getValue(), why, last.get(e.getKey())));
                keep(last, e.getKey(), good);
            }
        }
        if (fileFaulty) {
            file.problems().forEach(p -> keep(last, p.key(), good));
        }
        boolean detach = file != null
                && (fileFaulty
                        || file.values().entrySet().stream()
                                .anyMatch(e -> rules.refusal(rulesPid, e.getKey(), e.getValue()) != null));
        boolean attached = props.get(FILENAME) != null;
        lastGood.put(pid, good);
        report.result(
                pid, file == null ? null : file.path(), fileFaulty ? file.problems() : List.of(), refused, detach);
        if (sameValues(current, good) && !(detach && attached)) {
            return;
        }
        Hashtable<String, Object> wanted = new Hashtable<>(good);
        if (!detach && attached) {
            wanted.put(FILENAME, props.get(FILENAME));
        }
        repairing.set(true);
        try {
            c.update(wanted);
        } finally {
            repairing.set(false);
        }
    }

    private static void keep(Map<String, Object> last, String key, Map<String, Object> good) {
        if (key != null && last.containsKey(key)) {
            good.put(key, last.get(key));
        }
    }

    private static ConfigFile file(Object uri) {
        if (!(uri instanceof String s)) {
            return null;
        }
        try {
            return ConfigFile.read(Path.of(URI.create(s)));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not read {} to check it: {}", s, e.toString());
            return null;
        }
    }

    static Map<String, Object> settings(Dictionary<String, Object> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : Collections.list(props.keys())) {
            if (!AUTOMATIC.contains(key)) {
                out.put(key, props.get(key));
            }
        }
        return out;
    }

    static boolean sameValues(Map<String, Object> a, Map<String, Object> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (String k : a.keySet()) {
            if (!same(a.get(k), b.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Equal values, arrays compared by their items. */
    static boolean same(Object x, Object y) {
        return Objects.equals(x, y)
                || x != null
                        && y != null
                        && x.getClass().isArray()
                        && y.getClass().isArray()
                        && Arrays.deepEquals(new Object[] {x}, new Object[] {y});
    }
}
