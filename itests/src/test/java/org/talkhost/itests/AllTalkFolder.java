package org.talkhost.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A made-up AllTalk folder holding a confignew.json, as TalkHost's port write-back finds it; deleted on close. */
final class AllTalkFolder implements AutoCloseable {
    /** A v2 confignew.json as AllTalk writes it (json.dump, indent 4), shortened. */
    static final String V2_CONFIG = "{\n"
            + "    \"branding\": \"AllTalk \",\n"
            + "    \"delete_output_wavs\": \"Disabled\",\n"
            + "    \"gradio_interface\": true,\n"
            + "    \"output_folder\": \"outputs\",\n"
            + "    \"gradio_port_number\": 7852,\n"
            + "    \"firstrun_model\": false,\n"
            + "    \"launch_gradio\": true,\n"
            + "    \"transcode_audio_format\": \"Disabled\",\n"
            + "    \"api_def\": {\n"
            + "        \"api_port_number\": 7851,\n"
            + "        \"api_allowed_filter\": \"[^a-zA-Z0-9\\\\s.,;:!?\\\\-\\\\'\\\"$\\\\u0400-\\\\u04FF]\",\n"
            + "        \"api_length_stripping\": 3,\n"
            + "        \"api_max_characters\": 2000,\n"
            + "        \"api_use_legacy_api\": false,\n"
            + "        \"api_legacy_ip_address\": \"127.0.0.1\",\n"
            + "        \"api_text_filtering\": \"standard\",\n"
            + "        \"api_narrator_enabled\": \"false\",\n"
            + "        \"api_language\": \"en\",\n"
            + "        \"api_output_file_timestamp\": true,\n"
            + "        \"api_autoplay\": false,\n"
            + "        \"api_autoplay_volume\": 0.5\n"
            + "    },\n"
            + "    \"theme\": {\n"
            + "        \"file\": null,\n"
            + "        \"class\": \"gradio/base\"\n"
            + "    },\n"
            + "    \"rvc_settings\": {\n"
            + "        \"rvc_enabled\": false,\n"
            + "        \"rvc_char_model_file\": \"Disabled\",\n"
            + "        \"pitch\": 0\n"
            + "    }\n"
            + "}\n";

    private static final Pattern PAIR = Pattern.compile("^\"[^\"]+\":\\s*\\S.*$");

    private final Path dir;
    private final String original;

    private AllTalkFolder(Path dir, String original) {
        this.dir = dir;
        this.original = original;
    }

    /** A folder whose confignew.json says {@code content}. */
    static AllTalkFolder with(String content) {
        try {
            Path dir = Files.createTempDirectory("alltalk-folder");
            Files.writeString(dir.resolve("confignew.json"), content, StandardCharsets.UTF_8);
            return new AllTalkFolder(dir, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    Path config() {
        return dir.resolve("confignew.json");
    }

    Path backup() {
        return dir.resolve("confignew.json.talkhost-backup");
    }

    String configText() throws IOException {
        return Files.readString(config(), StandardCharsets.UTF_8);
    }

    /** The "key": value lines of the original file that the file no longer has (trailing commas ignored). */
    List<String> changedPairs() throws IOException {
        Set<String> now = pairs(configText()).collect(Collectors.toSet());
        return pairs(original).filter(p -> !now.contains(p)).collect(Collectors.toList());
    }

    private static Stream<String> pairs(String json) {
        return json.lines()
                .map(String::strip)
                .map(l -> l.endsWith(",") ? l.substring(0, l.length() - 1) : l)
                .filter(l -> PAIR.matcher(l).matches());
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
