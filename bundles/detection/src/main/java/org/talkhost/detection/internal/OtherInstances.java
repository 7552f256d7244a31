package org.talkhost.detection.internal;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Set;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.Instances;

/**
 * The ports the other AllTalk instances of this host use or may use (their chosen port and candidates), read
 * from the users' configurations each time: a server found there belongs to that instance, so detection never
 * gives one running server to two instances.
 */
@Component(service = OtherInstances.class)
public final class OtherInstances {
    private static final Logger LOG = LoggerFactory.getLogger(OtherInstances.class);
    static final OtherInstances NONE = new OtherInstances(null);

    private final ConfigurationAdmin admin;
    /** Port of each server an instance of this host uses now, by the PID of that instance's configuration. */
    private final java.util.Map<Integer, String> inUse = new java.util.concurrent.ConcurrentHashMap<>();

    @Activate
    public OtherInstances(@Reference ConfigurationAdmin admin) {
        this.admin = admin;
    }

    /** The instance configured by {@code sourcePid} uses the server on {@code port} (0: none now). */
    void uses(String sourcePid, int port) {
        inUse.values().removeIf(sourcePid::equals);
        if (port > 0) {
            inUse.putIfAbsent(port, sourcePid);
        }
    }

    /** Ports of every instance but the one configured by {@code sourcePid}: configured, and in use now. */
    Set<Integer> ports(String sourcePid) {
        Set<Integer> out = new HashSet<>();
        inUse.forEach((port, owner) -> {
            if (!owner.equals(sourcePid)) {
                out.add(port);
            }
        });
        if (admin == null) {
            return out;
        }
        try {
            Configuration[] all = admin.listConfigurations(Instances.SOURCES);
            for (Configuration c : all == null ? new Configuration[0] : all) {
                Dictionary<String, Object> p = c.getProperties();
                if (p == null || c.getPid().equals(sourcePid)) {
                    continue;
                }
                add(out, p.get(AllTalkSettings.KEY_PORT));
                add(out, p.get(AllTalkSettings.KEY_PORTS));
            }
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.debug("The other instances' ports could not be read", e);
        }
        return out;
    }

    private static void add(Set<Integer> out, Object value) {
        if (value == null) {
            return;
        }
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                add(out, Array.get(value, i));
            }
            return;
        }
        try {
            int port = Integer.parseInt(String.valueOf(value).trim());
            if (port > 0) {
                out.add(port);
            }
        } catch (NumberFormatException e) {
            // not a port
        }
    }
}
