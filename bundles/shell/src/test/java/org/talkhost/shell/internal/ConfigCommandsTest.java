package org.talkhost.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Hashtable;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.talkhost.api.config.AllTalkSettings;

class ConfigCommandsTest {
    final Configuration config = mock(Configuration.class);
    final Hashtable<String, Object> props = new Hashtable<>();
    final ConfigCommands commands;

    ConfigCommandsTest() throws Exception {
        ConfigurationAdmin configAdmin = mock(ConfigurationAdmin.class);
        when(configAdmin.getConfiguration(AllTalkSettings.PID, "?")).thenReturn(config);
        props.put("healthTimeoutSeconds", 1.5);
        when(config.getProperties()).thenReturn(props);
        commands = new ConfigCommands(mock(BundleContext.class));
        commands.configAdmin = configAdmin;
        commands.rules = (pid, key, value) -> ((Double) value) < 0.1
                ? key + " must be a number from 0.1 to 60; " + value + " is outside that range."
                : null;
    }

    @Test
    void aValueOutsideItsRangeIsRefusedInPlainWordsAndNothingIsSaved() throws Exception {
        assertThatThrownBy(() -> commands.config("healthTimeoutSeconds", "-3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Nothing was changed: healthTimeoutSeconds must be a number from 0.1 to 60; -3.0 is "
                        + "outside that range.");
        verify(config, never()).update(any());
        verify(config, never()).updateIfDifferent(any());
    }

    @Test
    void aValueInsideItsRangeIsSavedToTheFileItCameFrom() throws Exception {
        props.put("felix.fileinstall.filename", "file:/home/me/talkhost/config/org.talkhost.alltalk.config");
        assertThat(commands.config("healthTimeoutSeconds", "2.5"))
                .isEqualTo("Changed healthTimeoutSeconds from 1.5 to 2.5. It applies now, without a restart, and is "
                        + "saved to config/org.talkhost.alltalk.config.");
        verify(config).updateIfDifferent(any());
    }

    @Test
    void aChangeThatNoFileHoldsSaysItLastsUntilTalkHostStops() throws Exception {
        assertThat(commands.config("healthTimeoutSeconds", "2.5"))
                .contains("applies now")
                .contains("but is not saved: TalkHost is not using config/org.talkhost.alltalk.config")
                .contains("lasts until TalkHost stops");
    }
}
