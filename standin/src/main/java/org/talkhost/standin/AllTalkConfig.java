package org.talkhost.standin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DIR/confignew.json, read the way each AllTalk flavour reads it: v1 has "port_number" (a string) and
 * "ip_address"; v2 has api_def.api_port_number (an int), gradio_port_number and launch_gradio.
 * A missing file means AllTalk's defaults. A file that does not parse ends start-up like Python would.
 */
public final class AllTalkConfig {

    public static final String FILE = "confignew.json";

    private final Flavor flavor;
    private final Map<String, Object> root;

    private AllTalkConfig(Flavor flavor, Map<String, Object> root) {
        this.flavor = flavor;
        this.root = root;
    }

    public static AllTalkConfig read(Flavor flavor, Path dir, Console console) throws StartupFailure {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new AllTalkConfig(flavor, new LinkedHashMap<>());
        }
        try {
            Object parsed = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (parsed instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> root = (Map<String, Object>) map;
                return new AllTalkConfig(flavor, root);
            }
            throw crash(console, "TypeError: list indices must be integers or slices, not str", flavor);
        } catch (Json.Problem e) {
            throw crash(console, "json.decoder.JSONDecodeError: " + e.getMessage(), flavor);
        } catch (IOException e) {
            throw crash(console, "PermissionError: [Errno 13] Permission denied: '" + file + "'", flavor);
        }
    }

    private static StartupFailure crash(Console console, String last, Flavor flavor) {
        console.error("Traceback (most recent call last):");
        console.error(
                flavor == Flavor.V1
                        ? "  File \"tts_server.py\", line 56, in <module>\n    params = load_config(configfile_path)"
                        : "  File \"tts_server.py\", line 84, in <module>\n    load_config()");
        console.error(last);
        return new StartupFailure(last, 1);
    }

    /** The API port the flavour would use from this file, or null when the file does not say. */
    public Integer port() throws StartupFailure {
        Object value = flavor == Flavor.V1 ? root.get("port_number") : apiDef("api_port_number", null);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new StartupFailure("ValueError: invalid literal for int() with base 10: '" + value + "'", 1);
        }
    }

    /** v1's bind address and URL host ("ip_address"), 127.0.0.1 by default. */
    public String ipAddress() {
        Object ip = root.get("ip_address");
        return ip == null || ip.toString().isBlank() ? "127.0.0.1" : ip.toString();
    }

    /** v2: whether the Gradio web UI is started (false when there is no confignew.json). */
    public boolean launchGradio() {
        return Boolean.TRUE.equals(root.get("launch_gradio"));
    }

    /** v2: the Gradio web UI port, 7852 by default. */
    public int gradioPort() {
        Object value = root.get("gradio_port_number");
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? 7852 : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            return 7852;
        }
    }

    /** v2: a value from the "api_def" section, or the given default. */
    public Object apiDef(String key, Object fallback) {
        Object section = root.get("api_def");
        if (section instanceof Map<?, ?> map && map.containsKey(key) && map.get(key) != null) {
            return map.get(key);
        }
        return fallback;
    }

    /** The whole file as read (empty when there is none). */
    public Map<String, Object> asMap() {
        return root;
    }
}
