package org.talkhost.logging.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.Instances;
import org.talkhost.common.Threads;

/**
 * Turns the user's AllTalk configurations into instances: the plain {@value AllTalkSettings#PID} and each
 * {@code org.talkhost.alltalk~NAME} (file {@code config/org.talkhost.alltalk~NAME.config}; also a factory
 * configuration of {@value AllTalkSettings#PID}) get a copy under the factory PID
 * {@value Instances#FACTORY_PID}, with the instance's name, the targets that tie its components together and,
 * for the default instance, a higher service ranking (so a caller that wants one AllTalk gets the default).
 * Why copies: Declarative Services cannot give one component a plain and factory configurations of the same
 * PID at once, and the plain one must stay the single-server user's file. A copy whose source is gone is
 * deleted, so the instance leaves.
 */
@Component(immediate = true)
public final class InstanceCopies implements ConfigurationListener {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceCopies.class);
    private static final Set<String> NOT_COPIED = Set.of(
            Constants.SERVICE_PID,
            ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION,
            "felix.fileinstall.filename");

    private final ConfigurationAdmin admin;
    /** Time the Supervisor has to see "leaving" before the copy goes (DS reads a configuration when it acts). */
    static final long LEAVE_MILLIS = 1000;

    /**
     * When each leaving instance was told so (System.nanoTime). Its copy goes only LEAVE_MILLIS later, not
     * at the event of its own "leaving" update, which comes a few milliseconds after it: deleted then, the
     * instance's parts went before its Supervisor had stopped the AllTalk it started.
     */
    private final Map<String, Long> leavingSince = new HashMap<>();

    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(Threads.named("talkhost-instances"));

    @Activate
    public InstanceCopies(@Reference ConfigurationAdmin admin) {
        this.admin = admin;
        reconcile();
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (Instances.isSource(event.getPid(), event.getFactoryPid())
                || Instances.FACTORY_PID.equals(event.getFactoryPid())) {
            try {
                worker.execute(this::reconcile);
            } catch (RejectedExecutionException e) {
                // stopping
            }
        }
    }

    /** Makes the copies match the sources: one per source, none without one. */
    synchronized void reconcile() {
        try {
            Set<String> names = new HashSet<>();
            for (Configuration source : list(Instances.SOURCES)) {
                Dictionary<String, Object> props = source.getProperties();
                if (props == null) {
                    continue;
                }
                String name = nameOf(source);
                names.add(name);
                Dictionary<String, Object> wanted = copy(props, name, source.getPid());
                Configuration copy = admin.getFactoryConfiguration(Instances.FACTORY_PID, name, "?");
                if (!same(copy.getProperties(), wanted)) {
                    LOG.info("AllTalk instance '{}' configured from {}", name, source.getPid());
                    copy.update(wanted);
                }
            }
            for (Configuration copy :
                    list("(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + Instances.FACTORY_PID + ")")) {
                Dictionary<String, Object> props = copy.getProperties();
                if (props == null) {
                    continue;
                }
                String instance = Instances.name(props.get(Instances.NAME));
                if (names.contains(instance)) {
                    leavingSince.remove(instance);
                    continue;
                }
                Long since = leavingSince.get(instance);
                if (since == null) {
                    LOG.info("AllTalk instance '{}' removed: its configuration is gone", instance);
                    leavingSince.put(instance, System.nanoTime());
                    if (!Boolean.TRUE.equals(props.get(Instances.LEAVING))) {
                        props.put(Instances.LEAVING, Boolean.TRUE); // its Supervisor stops what it started, then all go
                        copy.update(props);
                    }
                    worker.schedule(this::reconcile, LEAVE_MILLIS, TimeUnit.MILLISECONDS);
                } else if (System.nanoTime() - since >= TimeUnit.MILLISECONDS.toNanos(LEAVE_MILLIS)) {
                    leavingSince.remove(instance);
                    copy.delete();
                } // else: the event of its own "leaving" update; the scheduled reconcile deletes it
            }
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.warn("Could not bring the AllTalk instances in line with their configuration files", e);
        }
    }

    private Configuration[] list(String filter) throws IOException, InvalidSyntaxException {
        Configuration[] found = admin.listConfigurations(filter);
        return found == null ? new Configuration[0] : found;
    }

    /** The instance's name: {@code default} for the plain PID, else what follows {@code ~} in the PID or file name. */
    static String nameOf(Configuration source) {
        String pid = source.getPid();
        if (source.getFactoryPid() == null) {
            return Instances.ofSourcePid(pid);
        }
        if (pid.contains("~")) {
            return Instances.ofSourcePid(pid);
        }
        Dictionary<String, Object> props = source.getProperties();
        Object file = props == null ? null : props.get("felix.fileinstall.filename");
        if (file != null) {
            String f = file.toString();
            f = f.substring(f.lastIndexOf('/') + 1).replaceFirst("\\.(config|cfg)$", "");
            int at = Math.max(f.indexOf('~'), f.indexOf('-'));
            if (at > 0) {
                return f.substring(at + 1);
            }
        }
        return pid;
    }

    static Dictionary<String, Object> copy(Dictionary<String, Object> source, String name, String sourcePid) {
        Hashtable<String, Object> out = new Hashtable<>();
        for (Enumeration<String> keys = source.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            if (!NOT_COPIED.contains(key)) {
                out.put(key, source.get(key));
            }
        }
        out.put(Instances.NAME, name);
        out.put(Instances.SOURCE_PID, sourcePid);
        for (String reference : Instances.TARGETED_REFERENCES) {
            out.put(reference + ".target", Instances.filter(name));
        }
        out.put(Constants.SERVICE_RANKING, Instances.DEFAULT.equals(name) ? 1 : 0);
        return out;
    }

    private static boolean same(Dictionary<String, Object> now, Dictionary<String, Object> wanted) {
        if (now == null) {
            return false;
        }
        int n = 0;
        for (Enumeration<String> keys = now.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            if (NOT_COPIED.contains(key)) {
                continue;
            }
            n++;
            if (!java.util.Objects.deepEquals(now.get(key), wanted.get(key))) {
                return false;
            }
        }
        return n == wanted.size();
    }
}
