package org.talkhost.itests;

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
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The metatype ({@code OSGI-INF/metatype/*.xml}) of every TalkHost bundle built under {@code bundles/}. */
final class MetatypeFiles {

    /** One attribute definition as bnd wrote it. */
    record Attribute(String id, String type, String min, String max) {
        boolean numeric() {
            return List.of("Integer", "Long", "Double", "Float", "Short", "Byte")
                    .contains(type);
        }
    }

    private MetatypeFiles() {}

    static Map<String, Set<String>> keysByPid() throws Exception {
        Map<String, Set<String>> out = new TreeMap<>();
        attributesByPid().forEach((pid, ads) -> out.put(pid, new java.util.TreeSet<>(ads.keySet())));
        return out;
    }

    static Map<String, Map<String, Attribute>> attributesByPid() throws Exception {
        Map<String, Map<String, Attribute>> result = new TreeMap<>();
        try (Stream<Path> modules = Files.list(TalkHostExam.source().resolve("bundles"))) {
            for (Path m : (Iterable<Path>) modules::iterator) {
                Path jar = builtJar(m);
                if (jar == null) {
                    continue;
                }
                try (JarFile j = new JarFile(jar.toFile())) {
                    for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements(); ) {
                        JarEntry entry = e.nextElement();
                        if (entry.getName().startsWith("OSGI-INF/metatype/")
                                && entry.getName().endsWith(".xml")) {
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
            return jars.filter(p -> p.toString().endsWith("-SNAPSHOT.jar"))
                    .findFirst()
                    .orElse(null);
        }
    }

    private static void read(InputStream in, Map<String, Map<String, Attribute>> result) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(in);
        Map<String, List<Attribute>> byOcd = new HashMap<>();
        NodeList ocds = doc.getElementsByTagNameNS("*", "OCD");
        for (int i = 0; i < ocds.getLength(); i++) {
            Element ocd = (Element) ocds.item(i);
            List<Attribute> ads = new ArrayList<>();
            NodeList list = ocd.getElementsByTagNameNS("*", "AD");
            for (int k = 0; k < list.getLength(); k++) {
                Element ad = (Element) list.item(k);
                ads.add(new Attribute(
                        ad.getAttribute("id"),
                        ad.getAttribute("type"),
                        ad.getAttribute("min"),
                        ad.getAttribute("max")));
            }
            byOcd.put(ocd.getAttribute("id"), ads);
        }
        NodeList designates = doc.getElementsByTagNameNS("*", "Designate");
        for (int i = 0; i < designates.getLength(); i++) {
            Element d = (Element) designates.item(i);
            String pid = d.getAttribute("pid").isEmpty() ? d.getAttribute("factoryPid") : d.getAttribute("pid");
            NodeList objects = d.getElementsByTagNameNS("*", "Object");
            for (int k = 0; k < objects.getLength(); k++) {
                List<Attribute> ads = byOcd.get(((Element) objects.item(k)).getAttribute("ocdref"));
                if (ads != null) {
                    ads.forEach(a ->
                            result.computeIfAbsent(pid, p -> new TreeMap<>()).put(a.id(), a));
                }
            }
        }
    }
}
