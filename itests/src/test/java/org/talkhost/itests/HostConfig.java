package org.talkhost.itests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.regex.Pattern;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.HostPaths;

/** TalkHost's main configuration (PID org.talkhost.alltalk) as Config Admin and config/ hold it. */
final class HostConfig {
    private final ConfigurationAdmin configAdmin;

    HostConfig(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    Object property(String key) throws IOException {
        Dictionary<String, Object> props = configuration().getProperties();
        return props == null ? null : props.get(key);
    }

    /** The saved {@code port}: an Integer, or null when none is saved. */
    Object port() throws IOException {
        return property(AllTalkSettings.KEY_PORT);
    }

    /** Takes a saved {@code port} out again (tests that share a container). */
    void forgetPort() throws IOException {
        Configuration c = configuration();
        Dictionary<String, Object> props = c.getProperties();
        if (props != null && props.remove(AllTalkSettings.KEY_PORT) != null) {
            c.update(props);
        }
    }

    /** Waits until config/org.talkhost.alltalk.config matches {@code regex} (FileInstall writes it back later). */
    static void awaitFileSays(String regex) {
        Path file = HostPaths.config().resolve(AllTalkSettings.PID + ".config");
        Pattern line = Pattern.compile(regex);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .alias(file + " says " + regex)
                .until(() -> line.matcher(Files.readString(file)).find());
    }

    private Configuration configuration() throws IOException {
        return configAdmin.getConfiguration(AllTalkSettings.PID, "?");
    }
}
