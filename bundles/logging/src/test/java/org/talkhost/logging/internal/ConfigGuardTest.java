package org.talkhost.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.talkhost.api.config.SettingRules;

/**
 * A hand-edited configuration file that TalkHost cannot use: the file as FileInstall 3.7.4 reads it (its own
 * reader) reaches the guard, which must keep the last good settings, say which file, line, key and value
 * were refused, and detach the file so that no write-back rewrites it.
 */
class ConfigGuardTest {
    private static final String PID = "org.talkhost.alltalk";
    private static final Map<String, SettingRule> RULES = Map.of(
            "mode", new SettingRule("mode", "String", false, "", "", List.of("auto", "managed", "external", "standin")),
            "port", new SettingRule("port", "Integer", false, "0", "65535", List.of()),
            "ports", new SettingRule("ports", "Integer", true, "1", "65535", List.of()),
            "healthTimeoutSeconds", new SettingRule("healthTimeoutSeconds", "Double", false, "0.1", "60", List.of()));
    private static final SettingRules RULE_BOOK =
            (pid, key, value) -> RULES.containsKey(key) ? RULES.get(key).refusal(value) : null;
    private static final String GOOD = "# Defaults\nmode=\"auto\"\nport=I\"7851\"\nports=I[\"7851\",\"7852\"]\n"
            + "healthTimeoutSeconds=D\"1.5\"\n";

    @TempDir
    Path dir;

    Path file;
    final RecordingLog log = new RecordingLog();
    final ConfigurationAdmin admin = mock(ConfigurationAdmin.class);
    final Configuration config = mock(Configuration.class);
    Dictionary<String, Object> stored;
    ConfigGuard guard;

    @BeforeEach
    void start() throws Exception {
        file = dir.resolve(PID + ".config");
        Files.writeString(file, GOOD);
        stored = FileInstallReads.read(file);
        when(config.getPid()).thenReturn(PID);
        when(config.getProperties()).thenAnswer(i -> stored);
        doAnswer(i -> {
                    Dictionary<String, Object> d = new Hashtable<>();
                    Dictionary<String, Object> given = i.getArgument(0);
                    for (String k : java.util.Collections.list(given.keys())) {
                        d.put(k, given.get(k));
                    }
                    d.put("service.pid", PID);
                    stored = d;
                    return null;
                })
                .when(config)
                .update(any());
        when(admin.listConfigurations(anyString())).thenReturn(new Configuration[] {config});
        guard = new ConfigGuard(admin, RULE_BOOK, new GuardReport(log));
    }

    private void fileInstallReadsTheFileAgain() throws Exception {
        stored = FileInstallReads.read(file);
        guard.configurationEvent(
                new ConfigurationEvent(mock(ServiceReference.class), ConfigurationEvent.CM_UPDATED, null, PID));
    }

    @Test
    void aGoodFileIsLeftAlone() throws Exception {
        fileInstallReadsTheFileAgain();
        verify(config, never()).update(any());
        assertThat(log.lines).isEmpty();
    }

    @Test
    void aLineThatIsNotASettingKeepsTheLastGoodSettingsAndTheFileAsWritten() throws Exception {
        Files.writeString(file, GOOD + "this line is not a setting ===\n");
        fileInstallReadsTheFileAgain();

        assertThat(stored.get("ports")).isEqualTo(new Integer[] {7851, 7852});
        assertThat(stored.get("healthTimeoutSeconds")).isEqualTo(1.5);
        assertThat(stored.get("mode")).isEqualTo("auto");
        assertThat(stored.get("this")).isNull();
        assertThat(stored.get(ConfigGuard.FILENAME))
                .as("detached: no write-back to the file")
                .isNull();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).endsWith("this line is not a setting ===\n");
        assertThat(log.lines)
                .singleElement()
                .asString()
                .contains("org.talkhost.alltalk.config")
                .contains("line 6")
                .contains("this line is not a setting ===")
                .contains("last good settings stay in force");
    }

    @Test
    void aValueOutsideItsRangeIsRefusedWithTheFileKeyAndValue() throws Exception {
        Files.writeString(file, GOOD.replace("D\"1.5\"", "D\"-3.0\""));
        fileInstallReadsTheFileAgain();

        assertThat(stored.get("healthTimeoutSeconds")).isEqualTo(1.5);
        assertThat(stored.get(ConfigGuard.FILENAME)).isNull();
        assertThat(log.lines)
                .singleElement()
                .asString()
                .contains("org.talkhost.alltalk.config")
                .contains("healthTimeoutSeconds=-3.0")
                .contains("from 0.1 to 60")
                .contains("keeps 1.5");
    }

    @Test
    void aDecimalWithoutAPointIsRefusedWithAdviceInsteadOfBecomingATinyNumber() throws Exception {
        Files.writeString(file, GOOD.replace("D\"1.5\"", "D\"5\""));
        assertThat(FileInstallReads.read(file).get("healthTimeoutSeconds"))
                .as("the trap")
                .isEqualTo(2.5E-323);
        fileInstallReadsTheFileAgain();

        assertThat(stored.get("healthTimeoutSeconds")).isEqualTo(1.5);
        assertThat(log.lines).singleElement().asString().contains("line 5").contains("write D\"5.0\"");
    }

    @Test
    void aFixedFileIsReadAgainAndJoinedToItsConfiguration() throws Exception {
        Files.writeString(file, GOOD + "this line is not a setting ===\n");
        fileInstallReadsTheFileAgain();
        Files.writeString(file, GOOD.replace("D\"1.5\"", "D\"2.0\""));
        fileInstallReadsTheFileAgain();

        assertThat(stored.get("healthTimeoutSeconds")).isEqualTo(2.0);
        assertThat(stored.get(ConfigGuard.FILENAME)).isEqualTo(file.toUri().toString());
        assertThat(log.lines.get(log.lines.size() - 1)).contains("is read again");
    }

    @Test
    void aBadValueSetAtRunTimeIsReplacedByTheLastGoodOne() throws Exception {
        Hashtable<String, Object> changed = FileInstallReads.read(file);
        changed.put("port", 70000);
        stored = changed;
        guard.configurationEvent(
                new ConfigurationEvent(mock(ServiceReference.class), ConfigurationEvent.CM_UPDATED, null, PID));

        assertThat(stored.get("port")).isEqualTo(7851);
        assertThat(stored.get(ConfigGuard.FILENAME))
                .as("the file itself is fine")
                .isNotNull();
        assertThat(log.lines).singleElement().asString().contains("port=70000").contains("from 0 to 65535");
    }
}
