package org.talkhost.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;

class ConfigChangeLoggerTest {
    final RecordingLog log = new RecordingLog();
    final ConfigurationAdmin admin = mock(ConfigurationAdmin.class);
    final Configuration config = mock(Configuration.class);

    @SuppressWarnings("unchecked")
    final ServiceReference<ConfigurationAdmin> ref = mock(ServiceReference.class);

    private void holds(Object... keyValues) throws Exception {
        Dictionary<String, Object> d = new Hashtable<>();
        d.put("service.pid", "org.talkhost.alltalk");
        d.put("felix.fileinstall.filename", "file:/x/config/org.talkhost.alltalk.config");
        for (int i = 0; i < keyValues.length; i += 2) {
            d.put((String) keyValues[i], keyValues[i + 1]);
        }
        when(config.getPid()).thenReturn("org.talkhost.alltalk");
        when(config.getProperties()).thenReturn(d);
        when(admin.listConfigurations(anyString())).thenReturn(new Configuration[] {config});
    }

    private ConfigurationEvent event(int type, String pid) {
        return new ConfigurationEvent(ref, type, null, pid);
    }

    @Test
    void logsTheKeysThatChanged() throws Exception {
        holds("port", 7851, "host", "127.0.0.1", "ports", new int[] {7851, 7852});
        ConfigChangeLogger listener = new ConfigChangeLogger(log, admin);

        holds("port", 7852, "host", "127.0.0.1", "ports", new int[] {7851, 7852});
        listener.configurationEvent(event(ConfigurationEvent.CM_UPDATED, "org.talkhost.alltalk"));
        holds("port", 7852, "host", "127.0.0.1", "ports", new int[] {7851, 7852});
        listener.configurationEvent(event(ConfigurationEvent.CM_UPDATED, "org.talkhost.alltalk"));
        holds("port", 7852, "ports", new int[] {7851, 7852, 7860}, "apiToken", "s3cret");
        listener.configurationEvent(event(ConfigurationEvent.CM_UPDATED, "org.talkhost.alltalk"));
        listener.configurationEvent(event(ConfigurationEvent.CM_DELETED, "org.talkhost.alltalk"));
        listener.configurationEvent(event(ConfigurationEvent.CM_UPDATED, "org.apache.felix.other"));

        assertThat(log.lines)
                .containsExactly(
                        "INFO Configuration org.talkhost.alltalk changed: port=7852",
                        "INFO Configuration org.talkhost.alltalk changed: apiToken=(hidden), host removed, "
                                + "ports=[7851, 7852, 7860]",
                        "INFO Configuration org.talkhost.alltalk deleted: its defaults apply");
    }
}
