package org.talkhost.ports.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.talkhost.api.config.AllTalkSettings;

/**
 * The {@code port} key of TalkHost's main configuration, changed through Config Admin with every other
 * property kept (the logging bundle's {@code ConfigWriteBack} saves it to {@code config/}).
 */
final class HostPortSetting {

    private HostPortSetting() {}

    /** Returns false when the configuration already says {@code port}. */
    static boolean save(ConfigurationAdmin configAdmin, String pid, int port) throws IOException {
        // "?" : visible to every bundle; an existing configuration keeps its binding
        Configuration config = configAdmin.getConfiguration(pid, "?");
        Dictionary<String, Object> properties = config.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        Object old = properties.get(AllTalkSettings.KEY_PORT);
        if (old != null && String.valueOf(port).equals(String.valueOf(old).trim())) {
            return false;
        }
        properties.put(AllTalkSettings.KEY_PORT, Integer.valueOf(port));
        config.update(properties);
        return true;
    }
}
