package org.talkhost.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;

/** A change made while TalkHost runs is saved so that FileInstall's own reader gives it back exactly. */
class ConfigWriteBackTest {
    private static final String SEEDED = """
            # Defaults for org.talkhost.alltalk, written by TalkHost on first start.
            # In text, \\\\\\\\ stands for one backslash
            mode="auto"
            installDir=""
            port=I"0"
            ports=I["7851","7852"]
            healthTimeoutSeconds=D"1.5"
            """;

    private static Path seeded(Path dir) throws Exception {
        Path file = dir.resolve("org.talkhost.alltalk.config");
        Files.writeString(file, SEEDED, StandardCharsets.UTF_8);
        return file;
    }

    private static Map<String, Object> settings(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    /** A write-back whose Config Admin holds one configuration, org.talkhost.alltalk, with {@code props}. */
    private static ConfigWriteBack writeBackOver(Hashtable<String, Object> props) throws Exception {
        Configuration config = mock(Configuration.class);
        when(config.getPid()).thenReturn("org.talkhost.alltalk");
        when(config.getProperties()).thenReturn(props);
        ConfigurationAdmin admin = mock(ConfigurationAdmin.class);
        when(admin.listConfigurations(any())).thenReturn(new Configuration[] {config});
        return new ConfigWriteBack(admin);
    }

    @Test
    void textWithBackslashesBracesQuotesAndNonAsciiComesBackExactlyAfterARestart(@TempDir Path dir) throws Exception {
        Path file = seeded(dir);
        String folder = "C:\\AllTalk\\{x} \"q\" ${user.home} $HOME \u00e9\\";
        Map<String, Object> now = new LinkedHashMap<>(FileInstallReads.read(file));
        now.keySet().removeIf(k -> k.contains("."));
        now.put("installDir", folder);
        now.put("healthTimeoutSeconds", 2.0);
        now.put("stopOnExit", false);

        assertThat(ConfigWriteBack.save(file, now, Set.of()))
                .containsExactlyInAnyOrder("installDir", "healthTimeoutSeconds", "stopOnExit");

        Hashtable<String, Object> read = FileInstallReads.read(file);
        assertThat(read.get("installDir")).isEqualTo(folder);
        assertThat(read.get("healthTimeoutSeconds")).isEqualTo(2.0);
        assertThat(read.get("stopOnExit")).isEqualTo(false);
        assertThat(read.get("ports")).isEqualTo(new Integer[] {7851, 7852});
        String text = Files.readString(file);
        assertThat(text)
                .startsWith("# Defaults for org.talkhost.alltalk")
                .contains("mode=\"auto\"\n")
                .contains("healthTimeoutSeconds=D\"2.0\"\n")
                .endsWith("stopOnExit=B\"false\"\n");
    }

    @Test
    void onlyTheChangedLineIsRewrittenAndAPersonsLayoutStays(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("org.talkhost.alltalk.config");
        Files.writeString(file, "# mine\nmode = \"external\"   \n\nport : I\"7851\"\n", StandardCharsets.UTF_8);

        ConfigWriteBack.save(file, settings("mode", "external", "port", 7852), Set.of());

        assertThat(Files.readString(file)).isEqualTo("# mine\nmode = \"external\"   \n\nport : I\"7852\"\n");
    }

    @Test
    void aFileThatAlreadySaysItIsNotTouched(@TempDir Path dir) throws Exception {
        Path file = seeded(dir);
        FileTime before = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(file, before);

        assertThat(ConfigWriteBack.save(
                        file, settings("mode", "auto", "ports", new Integer[] {7851, 7852}), Set.of("nothere")))
                .isEmpty();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
    }

    @Test
    void aFileAPersonMustCorrectIsNeverRewritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("org.talkhost.alltalk.config");
        String faulty = "mode=\"auto\"\nthis line is not a setting\nport=I\"0\"\n";
        Files.writeString(file, faulty, StandardCharsets.UTF_8);

        assertThat(ConfigWriteBack.save(file, settings("mode", "auto", "port", 7852), Set.of("mode")))
                .isEmpty();
        assertThat(Files.readString(file)).isEqualTo(faulty);
    }

    @Test
    void onlyWhatChangedInConfigAdminIsSavedToTheFileItCameFrom(@TempDir Path dir) throws Exception {
        Path file = seeded(dir);
        Hashtable<String, Object> props = FileInstallReads.read(file);
        ConfigWriteBack writeBack = writeBackOver(props);
        // meanwhile a person saved another mode, which FileInstall has not read yet
        Files.writeString(file, Files.readString(file).replace("mode=\"auto\"", "mode=\"external\""));

        props.put("port", 7852);
        props.remove("healthTimeoutSeconds");
        writeBack.configurationEvent(new ConfigurationEvent(
                mock(ServiceReference.class), ConfigurationEvent.CM_UPDATED, null, "org.talkhost.alltalk"));

        assertThat(Files.readString(file))
                .contains("port=I\"7852\"\n")
                .contains("mode=\"external\"\n")
                .doesNotContain("healthTimeoutSeconds")
                .doesNotContain("felix.fileinstall");
        assertThat(FileInstallReads.read(file).get("port")).isEqualTo(7852);
    }

    @Test
    void whatFileInstallAppliesIsNeverWrittenBackSoAStaleReadCannotStay(@TempDir Path dir) throws Exception {
        Path file = seeded(dir);
        Hashtable<String, Object> props = FileInstallReads.read(file);
        ConfigWriteBack writeBack = writeBackOver(props);
        ConfigurationEvent updated = new ConfigurationEvent(
                mock(ServiceReference.class), ConfigurationEvent.CM_UPDATED, null, "org.talkhost.alltalk");

        // TalkHost saves port 7852, and takes it back a moment later
        props.put("port", 7852);
        writeBack.configurationEvent(updated);
        String saved = Files.readString(file);
        assertThat(saved).contains("port=I\"7852\"\n");
        props.put("port", 0);
        writeBack.configurationEvent(updated);
        String newer = Files.readString(file);
        assertThat(newer).contains("port=I\"0\"\n");
        // FileInstall read the file while it said 7852, and applies that only now
        props.put("port", 7852);
        Thread fileInstall =
                new Thread(() -> writeBack.configurationEvent(updated), ConfigWriteBack.FILEINSTALL_THREAD + dir);
        fileInstall.start();
        fileInstall.join();

        assertThat(Files.readString(file))
                .as("the newer state stays in the file, for FileInstall's next read")
                .isEqualTo(newer);
    }

    @Test
    void everySaveMovesTheFileTimeOnSoFileInstallReadsItAgain(@TempDir Path dir) throws Exception {
        Path file = seeded(dir);
        FileTime later = FileTime.fromMillis(System.currentTimeMillis() + 60_000);
        Files.setLastModifiedTime(file, later); // as after a save in the same millisecond

        assertThat(ConfigWriteBack.save(file, settings("port", 7852), Set.of())).containsExactly("port");

        assertThat(Files.getLastModifiedTime(file)).isGreaterThan(later);
    }
}
