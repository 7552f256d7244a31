package org.talkhost.logging.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
import org.talkhost.common.config.TypedConfigText;

/**
 * Saves a change made while TalkHost runs (the port it chose, {@code alltalk:config}) into the
 * configuration's file in {@code config/}. FileInstall's own write-back is turned off
 * ({@code felix.fileinstall.enableConfigSave=false}): it escapes text for one of its reader's two passes,
 * so a folder such as {@code C:\AllTalk} came back as {@code C:AllTalk} after a restart, and was then
 * saved that way. Here only the lines of the settings that changed are rewritten, with
 * {@link TypedConfigText} (as the files were seeded); comments, order and the person's other lines stay
 * as they are, a new setting is added at the end, and a setting taken out of the configuration is taken
 * out of the file. Only what changed since the last event is written, so a person's edit saved just
 * before (and not read yet) is not overwritten. Never written: a file {@link ConfigFile} finds a problem
 * in (the person must correct it; {@link ConfigGuard} detaches it meanwhile), a configuration not read
 * from a file, and a {@code .cfg} file.
 *
 * <p>It runs inside the update, in the updater's thread (a synchronous listener), so the file says the new
 * state before the next change can be made. FileInstall reads each file written here once more (it
 * cannot tell this writer from a person). When that read falls between two quick changes (the port saved,
 * then taken back), FileInstall applies the older state after the newer one. So an update FileInstall
 * makes is never written back: the file said it already, or it says something newer, which FileInstall
 * reads at its next poll because every write here moves the file's time on (its scan looks at the time
 * in milliseconds and the length). Written back, the older state would have stayed for good.
 */
@Component(immediate = true, service = SynchronousConfigurationListener.class)
public final class ConfigWriteBack implements SynchronousConfigurationListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigWriteBack.class);

    /** FileInstall's watcher thread is named "fileinstall-" and its folder; it makes its updates in it. */
    static final String FILEINSTALL_THREAD = "fileinstall-";

    private final ConfigurationAdmin admin;
    /** Per PID, the settings as last seen: a change is what differs from them. */
    private final Map<String, Map<String, Object>> seen = new ConcurrentHashMap<>();

    @Activate
    public ConfigWriteBack(@Reference ConfigurationAdmin admin) {
        this.admin = admin;
        try {
            Configuration[] all = admin.listConfigurations(null);
            for (Configuration c : all == null ? new Configuration[0] : all) {
                Dictionary<String, Object> props = c.getProperties();
                if (props != null) {
                    seen.put(c.getPid(), ConfigGuard.settings(props));
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Could not read the configurations; the next change of each is saved whole", e);
        }
    }

    @Override
    public synchronized void configurationEvent(ConfigurationEvent event) {
        if (event.getType() == ConfigurationEvent.CM_DELETED) {
            seen.remove(event.getPid());
            return;
        }
        if (event.getType() != ConfigurationEvent.CM_UPDATED) {
            return;
        }
        try {
            Configuration found = ConfigGuard.find(admin, event.getPid());
            Dictionary<String, Object> props = found == null ? null : found.getProperties();
            if (props == null) {
                return;
            }
            Map<String, Object> now = ConfigGuard.settings(props);
            Map<String, Object> before = seen.put(event.getPid(), now);
            if (Thread.currentThread().getName().startsWith(FILEINSTALL_THREAD)) {
                return; // read from the file: see the class comment
            }
            Object uri = props.get(ConfigGuard.FILENAME);
            if (uri instanceof String s && s.startsWith("file:") && s.endsWith(".config")) {
                Map<String, Object> changed = new LinkedHashMap<>(now);
                Set<String> removed = new HashSet<>();
                if (before != null) {
                    changed.entrySet().removeIf(e -> ConfigGuard.same(e.getValue(), before.get(e.getKey())));
                    before.keySet().stream().filter(k -> !now.containsKey(k)).forEach(removed::add);
                }
                save(Path.of(URI.create(s)), changed, removed);
            }
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.warn(
                    "The changed settings of {} apply, but could not be saved to their file in config/ ({}); "
                            + "they last until TalkHost stops",
                    event.getPid(),
                    e.toString());
        }
    }

    /**
     * Writes into {@code file} the {@code changed} settings that it does not say yet, and takes out the
     * lines of the {@code removed} ones; returns the keys written or taken out. Only the settings that
     * changed are touched, so what a person saved meanwhile (not yet read) stays.
     */
    static List<String> save(Path file, Map<String, Object> changed, Set<String> removed) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> physical = Files.readAllLines(file, StandardCharsets.UTF_8);
        ConfigFile now = ConfigFile.of(file, physical);
        if (!now.problems().isEmpty()) {
            return List.of();
        }
        Map<String, Object> write = new LinkedHashMap<>();
        changed.forEach((k, v) -> {
            if (v != null && !ConfigGuard.same(v, now.values().get(k))) {
                write.put(k, v);
            }
        });
        Set<String> drop = new HashSet<>(removed);
        drop.retainAll(now.values().keySet());
        drop.removeAll(changed.keySet());
        if (write.isEmpty() && drop.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Map<String, Object> toAdd = new LinkedHashMap<>(write);
        for (ConfigFile.Line line : ConfigFile.lines(physical)) {
            String key = line.setting() == null ? null : line.setting().group(1);
            if (key != null && write.containsKey(key)) {
                String text = line.setting().group(0);
                out.add(text.substring(0, line.setting().start(2)) + TypedConfigText.typed(write.get(key)));
                toAdd.remove(key);
            } else if (key == null || !drop.contains(key)) {
                out.addAll(physical.subList(line.first(), line.last() + 1));
            }
        }
        toAdd.forEach((k, v) -> out.add(k + "=" + TypedConfigText.typed(v)));
        long was = Files.getLastModifiedTime(file).toMillis();
        Path tmp = Files.createTempFile(file.getParent(), ".save", ".tmp");
        try {
            Files.write(tmp, out, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (Files.getLastModifiedTime(file).toMillis() <= was) { // two writes in one millisecond
                Files.setLastModifiedTime(file, FileTime.fromMillis(was + 1));
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        List<String> done = new ArrayList<>(write.keySet());
        done.addAll(drop);
        LOG.debug("Saved {} to {}", done, file);
        return done;
    }
}
