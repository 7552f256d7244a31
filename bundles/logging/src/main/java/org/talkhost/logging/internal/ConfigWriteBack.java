package org.talkhost.logging.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.talkhost.common.config.TypedConfigText;

/**
 * Saves a change made while TalkHost runs (the port it chose, {@code alltalk:config}) into the
 * configuration's file in {@code config/}. FileInstall's own write-back is turned off
 * ({@code felix.fileinstall.enableConfigSave=false}): it escapes text for one of its reader's two passes,
 * so a folder such as {@code C:\AllTalk} came back as {@code C:AllTalk} after a restart, and was then
 * saved that way. Here only the lines of the settings that changed are rewritten, with
 * {@link TypedConfigText} (as the files were seeded); comments, order and the person's other lines stay
 * as they are, and a new setting is added at the end. Never written: a file {@link ConfigFile} finds a
 * problem in (the person must correct it; {@link ConfigGuard} detaches it meanwhile), a configuration
 * not read from a file, and a {@code .cfg} file. Settings are never removed from a file.
 */
@Component(immediate = true, service = ConfigurationListener.class)
public final class ConfigWriteBack implements ConfigurationListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigWriteBack.class);

    private final ConfigurationAdmin admin;

    @Activate
    public ConfigWriteBack(@Reference ConfigurationAdmin admin) {
        this.admin = admin;
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (event.getType() != ConfigurationEvent.CM_UPDATED) {
            return;
        }
        try {
            Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + event.getPid() + ")");
            Dictionary<String, Object> props = found == null || found.length == 0 ? null : found[0].getProperties();
            Object uri = props == null ? null : props.get(ConfigGuard.FILENAME);
            if (uri instanceof String s && s.startsWith("file:") && s.endsWith(".config")) {
                save(Path.of(URI.create(s)), ConfigGuard.settings(props));
            }
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.warn(
                    "The changed settings of {} apply, but could not be saved to their file in config/ ({}); "
                            + "they last until TalkHost stops",
                    event.getPid(),
                    e.toString());
        }
    }

    /** Writes the settings that differ from what {@code file} says; returns the keys written. */
    static List<String> save(Path file, Map<String, Object> settings) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        ConfigFile now = ConfigFile.read(file);
        if (!now.problems().isEmpty()) {
            return List.of();
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            if (v != null && !ConfigGuard.same(v, now.values().get(k))) {
                changed.put(k, v);
            }
        });
        if (changed.isEmpty()) {
            return List.of();
        }
        List<String> physical = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        Map<String, Object> toAdd = new LinkedHashMap<>(changed);
        for (ConfigFile.Line line : ConfigFile.lines(physical)) {
            String key = line.setting() == null ? null : line.setting().group(1);
            if (key != null && changed.containsKey(key)) {
                String text = line.setting().group(0);
                out.add(text.substring(0, line.setting().start(2)) + TypedConfigText.typed(changed.get(key)));
                toAdd.remove(key);
            } else {
                out.addAll(physical.subList(line.first(), line.last() + 1));
            }
        }
        toAdd.forEach((k, v) -> out.add(k + "=" + TypedConfigText.typed(v)));
        Path tmp = Files.createTempFile(file.getParent(), ".save", ".tmp");
        try {
            Files.write(tmp, out, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        LOG.debug("Saved {} to {}", changed.keySet(), file);
        return new ArrayList<>(changed.keySet());
    }
}
