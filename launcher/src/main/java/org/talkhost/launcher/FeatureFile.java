package org.talkhost.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureConfiguration;
import org.osgi.service.feature.FeatureExtension;
import org.osgi.service.feature.FeatureService;

/**
 * An OSGi Feature JSON file, read with Apache Felix's FeatureService. What it said is kept in a small cache file
 * ({@link FeatureCache}) and taken from there while the feature file stays the same: reading it with the service
 * (JSON-P, the OSGi converter) took about 90 ms of every start on a small machine, the cache under 5 ms.
 */
public final class FeatureFile {
    static final String LAUNCH_PROPERTIES = "framework-launching-properties";

    /** One bundle of the feature. */
    public record Entry(String groupId, String artifactId, String version, int startOrder, boolean optional) {
        public String coordinates() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    final String name;
    public final List<Entry> bundles;
    public final Map<String, Map<String, Object>> configurations;
    public final Map<String, String> frameworkProperties;

    FeatureFile(
            String name,
            List<Entry> bundles,
            Map<String, Map<String, Object>> configurations,
            Map<String, String> frameworkProperties) {
        this.name = name;
        this.bundles = bundles;
        this.configurations = configurations;
        this.frameworkProperties = frameworkProperties;
    }

    /**
     * The feature in {@code file}, from {@code cache} when that was written from the same file content, else read
     * with the FeatureService and then written to {@code cache} (a cache that cannot be written is only not used).
     */
    public static FeatureFile read(Path file, Path cache) throws IOException {
        byte[] content = content(file);
        FeatureFile cached = FeatureCache.read(cache, content);
        if (cached != null) {
            return cached;
        }
        FeatureFile read = parse(file, content);
        FeatureCache.write(cache, content, read);
        return read;
    }

    /** The feature in {@code file}, read with the FeatureService. */
    public static FeatureFile read(Path file) throws IOException {
        return parse(file, content(file));
    }

    private static byte[] content(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("The feature file " + file + " does not exist.");
        }
        return Files.readAllBytes(file);
    }

    private static FeatureFile parse(Path file, byte[] content) throws IOException {
        FeatureService service = ServiceLoader.load(FeatureService.class, FeatureFile.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IOException("No Feature service on the launcher's class path."));
        Feature feature;
        try (Reader r = new java.io.StringReader(new String(content, StandardCharsets.UTF_8))) {
            feature = service.readFeature(r);
        } catch (RuntimeException e) {
            throw new IOException("The feature file " + file + " is not valid: " + e.getMessage(), e);
        }
        List<Entry> bundles = new ArrayList<>();
        for (FeatureBundle b : feature.getBundles()) {
            Object order = b.getMetadata().get("start-order");
            Object optional = b.getMetadata().get("optional");
            bundles.add(new Entry(
                    b.getID().getGroupId(),
                    b.getID().getArtifactId(),
                    b.getID().getVersion(),
                    order == null ? 1 : Integer.parseInt(order.toString()),
                    Boolean.parseBoolean(String.valueOf(optional))));
        }
        bundles.sort(Comparator.comparingInt(Entry::startOrder));
        Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        for (FeatureConfiguration c : feature.getConfigurations().values()) {
            configs.put(c.getPid(), new LinkedHashMap<>(c.getValues()));
        }
        Map<String, String> props = new LinkedHashMap<>();
        FeatureExtension ext = feature.getExtensions().get(LAUNCH_PROPERTIES);
        if (ext != null) {
            jakarta.json.JsonObject json = ext.getJSON() == null
                    ? null
                    : jakarta.json.Json.createReader(new java.io.StringReader(ext.getJSON()))
                            .readObject();
            if (json != null) {
                json.forEach((k, v) -> props.put(
                        k,
                        v instanceof jakarta.json.JsonString
                                ? ((jakarta.json.JsonString) v).getString()
                                : v.toString()));
            }
        }
        return new FeatureFile(
                feature.getName().orElse(feature.getID().toString()), List.copyOf(bundles), configs, props);
    }

    public int highestStartOrder() {
        return bundles.stream().mapToInt(Entry::startOrder).max().orElse(1);
    }
}
