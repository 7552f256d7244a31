package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.talkhost.launcher.FeatureFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every key that the feature seeds into {@code config/PID.config} must be a property of that PID's
 * {@code @ObjectClassDefinition}, as the built bundles describe it in {@code OSGI-INF/metatype/*.xml}.
 * A key that no component reads is a setting a user edits in vain (issue 16, item 3:
 * {@code maxFileSizeMb} seeded, {@code maxFileSizeKb} read).
 */
class SeededConfigKeysTest {

    @Test
    void everySeededKeyIsASettingOfItsPid() throws Exception {
        FeatureFile feature = FeatureFile.read(TalkHostExam.source().resolve("features").resolve("talkhost.json"));
        Map<String, Set<String>> described = metatypeKeys();
        assertThat(described).as("PIDs described by the built bundles' metatype").isNotEmpty();
        List<String> wrong = new ArrayList<>();
        feature.configurations.forEach((pid, values) -> {
            Set<String> keys = described.get(pid);
            if (keys == null) {
                wrong.add(pid + ": seeded, but no bundle describes this PID with an @ObjectClassDefinition");
                return;
            }
            for (String key : values.keySet()) {
                if (!keys.contains(key)) {
                    wrong.add(pid + ": seeded key '" + key + "' is not a setting (known: " + keys + ")");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** PID to its attribute ids, from every TalkHost bundle jar built under bundles/. */
    static Map<String, Set<String>> metatypeKeys() throws Exception {
        Map<String, Set<String>> result = new HashMap<>();
        try (Stream<Path> modules = Files.list(TalkHostExam.source().resolve("bundles"))) {
            for (Path m : (Iterable<Path>) modules::iterator) {
                Path jar = builtJar(m);
                if (jar == null) {
                    continue;
                }
                try (JarFile j = new JarFile(jar.toFile())) {
                    for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements();) {
                        JarEntry entry = e.nextElement();
                        if (entry.getName().startsWith("OSGI-INF/metatype/") && entry.getName().endsWith(".xml")) {
                            try (InputStream in = j.getInputStream(entry)) {
                                read(in, result);
                            }
                        }
                    }
                }
            }
        }
        return result;
    }

    private static Path builtJar(Path module) throws IOException {
        Path target = module.resolve("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> jars = Files.list(target)) {
            return jars.filter(p -> p.toString().endsWith("-SNAPSHOT.jar")).findFirst().orElse(null);
        }
    }

    private static void read(InputStream in, Map<String, Set<String>> result) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(in);
        Map<String, Set<String>> byOcd = new HashMap<>();
        NodeList ocds = doc.getElementsByTagNameNS("*", "OCD");
        for (int i = 0; i < ocds.getLength(); i++) {
            Element ocd = (Element) ocds.item(i);
            Set<String> ids = new TreeSet<>();
            NodeList ads = ocd.getElementsByTagNameNS("*", "AD");
            for (int k = 0; k < ads.getLength(); k++) {
                ids.add(((Element) ads.item(k)).getAttribute("id"));
            }
            byOcd.put(ocd.getAttribute("id"), ids);
        }
        NodeList designates = doc.getElementsByTagNameNS("*", "Designate");
        for (int i = 0; i < designates.getLength(); i++) {
            Element d = (Element) designates.item(i);
            String pid = d.getAttribute("pid").isEmpty() ? d.getAttribute("factoryPid") : d.getAttribute("pid");
            NodeList objects = d.getElementsByTagNameNS("*", "Object");
            for (int k = 0; k < objects.getLength(); k++) {
                Set<String> ids = byOcd.get(((Element) objects.item(k)).getAttribute("ocdref"));
                if (ids != null) {
                    result.computeIfAbsent(pid, p -> new TreeSet<>()).addAll(ids);
                }
            }
        }
    }
}
