package org.talkhost.ports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.ports.PortChoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PersistTest {
    private static final String V1_FILE =
            "{\n    \"branding\": \"AllTalk \",\n    \"delete_output_wavs\": \"Disabled\",\n"
                    + "    \"ip_address\": \"127.0.0.1\",\n    \"port_number\": \"7851\",\n    \"low_vram\": false,\n"
                    + "    \"tts_model_loaded\": true,\n    \"voice\": \"fem\\u00e9le_01.wav\",\n    \"pitch\": 1.50\n}";
    private static final String V2_FILE = "{\n    \"branding\": \"AllTalk \",\n    \"gradio_port_number\": 7852,\n"
            + "    \"launch_gradio\": true,\n    \"api_def\": {\n        \"api_port_number\": 7851,\n"
            + "        \"api_allowed_filter\": \"[^a-zA-Z0-9]\",\n        \"api_length_stripping\": 3\n    },\n"
            + "    \"debugging\": {\n        \"debug_tts\": false\n    },\n    \"rvc_settings\": []\n}";

    @TempDir
    Path dir;

    private final ConfigurationAdmin configAdmin = mock(ConfigurationAdmin.class);
    private final Configuration config = mock(Configuration.class);
    private final List<Notice> notices = new CopyOnWriteArrayList<>();
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private PortManagerImpl manager;

    @BeforeEach
    void setUp() throws IOException {
        when(configAdmin.getConfiguration(AllTalkSettings.PID, "?")).thenReturn(config);
        Hashtable<String, Object> current = new Hashtable<>();
        current.put("mode", "managed");
        current.put("installDir", dir.toString());
        current.put("port", 7851);
        current.put("felix.fileinstall.filename", "file:/talkhost/config/org.talkhost.alltalk.config");
        when(config.getProperties()).thenAnswer(i -> new Hashtable<>(current));
        manager = new PortManagerImpl(configAdmin, TestSettings.with(), 7001, 7002);
        manager.events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                notices.add(Notice.fromEvent(event));
            }

            @Override
            public void sendEvent(Event event) {
                postEvent(event);
            }
        };
        manager.operationsLog = (level, message, args) -> operations.add(level + " " + message);
    }

    @AfterEach
    void tearDown() {
        manager.stop();
    }

    private static PortChoice choice(int port, int uiPort) {
        return new PortChoice(port, uiPort, List.of(), "test");
    }

    private Path file() {
        return dir.resolve("confignew.json");
    }

    private Path backup() {
        return dir.resolve("confignew.json.talkhost-backup");
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void v1GetsItsPortAsAStringWithEveryOtherKeyKeptInOrderAndOneBackup() throws Exception {
        Files.writeString(file(), V1_FILE);

        String said = manager.persist(choice(7003, 7004), dir, ServerKind.V1);

        JsonNode written = new ObjectMapper().readTree(file().toFile());
        assertThat(written.get("port_number").isTextual()).isTrue();
        assertThat(written.get("port_number").asText()).isEqualTo("7003");
        assertThat(keys(written))
                .containsExactly(
                        "branding",
                        "delete_output_wavs",
                        "ip_address",
                        "port_number",
                        "low_vram",
                        "tts_model_loaded",
                        "voice",
                        "pitch");
        assertThat(written.has("gradio_port_number"))
                .as("v1 has no web page port")
                .isFalse();
        assertThat(written.get("voice").asText()).isEqualTo("fem\u00e9le_01.wav");
        String text = Files.readString(file());
        assertThat(text).contains("\n    \"port_number\": \"7003\",", "\"pitch\": 1.50", "\\u00E9");
        assertThat(Files.readString(backup())).isEqualTo(V1_FILE);
        assertThat(said)
                .contains(
                        "TalkHost will use port 7003 from now on",
                        "AllTalk's settings file " + file() + " now says port 7003; the original is kept as "
                                + "confignew.json.talkhost-backup.");

        manager.persist(choice(7005, 0), dir, ServerKind.V1);

        assertThat(new ObjectMapper()
                        .readTree(file().toFile())
                        .get("port_number")
                        .asText())
                .isEqualTo("7005");
        assertThat(Files.readString(backup()))
                .as("the backup keeps the original")
                .isEqualTo(V1_FILE);
        assertThat(operations).filteredOn(l -> l.contains("Wrote port")).hasSize(2);
    }

    @Test
    void hostConfigurationGetsThePortAsAnIntegerWithEveryOtherPropertyKept() throws Exception {
        manager.persist(choice(7003, 0), null, ServerKind.V1);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Dictionary<String, Object>> saved = ArgumentCaptor.forClass(Dictionary.class);
        verify(config).update(saved.capture());
        Dictionary<String, Object> props = saved.getValue();
        assertThat(props.get("port")).isEqualTo(Integer.valueOf(7003));
        assertThat(props.get("mode")).isEqualTo("managed");
        assertThat(props.get("felix.fileinstall.filename"))
                .isEqualTo("file:/talkhost/config/org.talkhost.alltalk.config");
        assertThat(props.size()).isEqualTo(4);
        assertThat(operations).anySatisfy(l -> assertThat(l).contains("Saved port"));
    }

    @Test
    void theSamePortIsNotWrittenAgain() throws Exception {
        Files.writeString(file(), V1_FILE);

        String said = manager.persist(choice(7851, 0), dir, ServerKind.V1);

        verify(config, never()).update(any());
        assertThat(Files.exists(backup())).isFalse();
        assertThat(said).contains("TalkHost's settings already say port 7851.", "already says port 7851.");
    }

    @Test
    void v2GetsIntsForTheApiAndTheWebPageWithEverythingElseKept() throws Exception {
        Files.writeString(file(), V2_FILE);

        String said = manager.persist(choice(7003, 7004), dir, ServerKind.V2);

        JsonNode written = new ObjectMapper().readTree(file().toFile());
        assertThat(written.at("/api_def/api_port_number").isInt()).isTrue();
        assertThat(written.at("/api_def/api_port_number").asInt()).isEqualTo(7003);
        assertThat(written.get("gradio_port_number").isInt()).isTrue();
        assertThat(written.get("gradio_port_number").asInt()).isEqualTo(7004);
        assertThat(keys(written))
                .containsExactly(
                        "branding", "gradio_port_number", "launch_gradio", "api_def", "debugging", "rvc_settings");
        assertThat(keys(written.get("api_def")))
                .containsExactly("api_port_number", "api_allowed_filter", "api_length_stripping");
        assertThat(written.at("/api_def/api_allowed_filter").asText()).isEqualTo("[^a-zA-Z0-9]");
        assertThat(written.at("/debugging/debug_tts").asBoolean(true)).isFalse();
        assertThat(Files.readString(file())).contains("\n        \"api_port_number\": 7003,", "\"rvc_settings\": []");
        assertThat(Files.readString(backup())).isEqualTo(V2_FILE);
        assertThat(said).contains("now says port 7003 (and port 7004 for its web page)");
        assertThat(notices).singleElement().extracting(Notice::level).isEqualTo(Notice.Level.INFO);
    }

    @Test
    void v2KeysAfterNestedValuesAreFoundAndMissingOnesAddedAtTheEndOfTheirObject() throws Exception {
        String v2 = "{\n    \"api_def\": {\n        \"api_voices\": {\"a\": [1, {\"api_port_number\": 1}]},\n"
                + "        \"api_list\": [1, 2],\n"
                + "        \"api_port_number\": 7851,\n        \"api_ratio\": 0.10\n    },\n"
                + "    \"rvc_settings\": {\"gradio_port_number\": 5}\n}";
        Files.writeString(file(), v2);

        manager.persist(choice(7003, 7004), dir, ServerKind.V2);

        JsonNode written = new ObjectMapper().readTree(file().toFile());
        assertThat(written.at("/api_def/api_port_number").asInt()).isEqualTo(7003);
        assertThat(written.at("/api_def/api_voices/a/1/api_port_number").asInt())
                .as("the same key deeper down is not TalkHost's")
                .isEqualTo(1);
        assertThat(written.at("/rvc_settings/gradio_port_number").asInt()).isEqualTo(5);
        assertThat(keys(written)).containsExactly("api_def", "rvc_settings", "gradio_port_number");
        assertThat(written.get("gradio_port_number").asInt()).isEqualTo(7004);
        assertThat(Files.readString(file())).contains("\"api_ratio\": 0.10");

        Files.writeString(file(), "{\n    \"branding\": \"AllTalk \"\n}");
        manager.persist(choice(7005, 0), dir, ServerKind.V2);
        written = new ObjectMapper().readTree(file().toFile());
        assertThat(keys(written)).containsExactly("branding", "api_def");
        assertThat(written.at("/api_def/api_port_number").asInt()).isEqualTo(7005);
    }

    @Test
    void trailingContentMakesTheFileMalformed() throws Exception {
        String broken = V2_FILE + "\n{}";
        Files.writeString(file(), broken);

        String said = manager.persist(choice(7003, 7004), dir, ServerKind.V2);

        assertThat(Files.readString(file())).isEqualTo(broken);
        assertThat(said).contains("can't be read");
    }

    @Test
    void aMalformedFileIsLeftUntouchedAndExplained() throws Exception {
        String broken =
                "{\n    \"port_number\": \"7851\",\n    \"ip_address\": \"127.0.0.1\"\n    \"low_vram\": false\n}";
        Files.writeString(file(), broken);

        String said = manager.persist(choice(7003, 0), dir, ServerKind.V1);

        assertThat(Files.readString(file())).isEqualTo(broken);
        assertThat(Files.exists(backup())).isFalse();
        assertThat(said).contains("can't be read (it is damaged near line 4), so TalkHost left it exactly as it is");
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.level()).isEqualTo(Notice.Level.WARNING);
            assertThat(n.text()).contains("won't start until it is fixed");
        });
        assertThat(operations).anySatisfy(l -> assertThat(l).startsWith("ERROR").contains("not valid JSON"));
    }

    @Test
    void aV1FileIsNotTurnedIntoAV2One() throws Exception {
        Files.writeString(file(), V1_FILE);

        String said = manager.persist(choice(7003, 7004), dir, ServerKind.V2);

        assertThat(Files.readString(file())).isEqualTo(V1_FILE);
        assertThat(said).contains("isn't laid out the way AllTalk writes it");
    }

    @Test
    void noConfignewJsonMeansOnlyTalkHostsSettingsChange() throws Exception {
        String said = manager.persist(choice(7003, 0), dir, ServerKind.V1);

        assertThat(said).contains("There is no confignew.json in " + dir);
        verify(config).update(any());
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aConfigurationThatCannotBeSavedIsExplained() throws Exception {
        doThrow(new IOException("store is read-only")).when(config).update(any());

        String said = manager.persist(choice(7003, 0), null, ServerKind.V1);

        assertThat(said).startsWith("TalkHost couldn't save port 7003 in its settings");
        assertThat(notices).singleElement().extracting(Notice::level).isEqualTo(Notice.Level.WARNING);
    }

    @Test
    void nothingChosenNothingSaved() throws Exception {
        assertThat(manager.persist(choice(0, 0), dir, ServerKind.V1))
                .isEqualTo("No free port was chosen, so nothing was saved.");
        verify(configAdmin, never()).getConfiguration(eq(AllTalkSettings.PID), any());
    }
}
