package org.talkhost.logging.internal;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.config.SettingRules;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@link SettingRules} from the metatype every TalkHost bundle carries ({@code OSGI-INF/metatype/*.xml},
 * written by bnd from {@code @ObjectClassDefinition}). Read from the bundles themselves because the
 * metatype API has no getter for an attribute's minimum and maximum, and the refusal names them.
 * Re-read when a bundle is installed or updated (its last-modified time changes).
 */
@Component(service = SettingRules.class)
public final class MetatypeRules implements SettingRules {
    private static final Logger LOG = LoggerFactory.getLogger(MetatypeRules.class);

    private final BundleContext context;
    private final Map<Long, Long> seen = new HashMap<>();
    private final Map<Long, Map<String, Map<String, SettingRule>>> byBundle = new HashMap<>();
    /** One parser for every file, made at the first (finding the XML factory is a search each time). */
    private DocumentBuilder parser;

    @Activate
    public MetatypeRules(BundleContext context) {
        this.context = context;
    }

    @Override
    public String refusal(String pid, String key, Object value) {
        SettingRule rule = rules(pid).get(key);
        return rule == null ? null : rule.refusal(value);
    }

    /** The rules of one PID by key; empty when no bundle describes it. */
    synchronized Map<String, SettingRule> rules(String pid) {
        Map<String, SettingRule> out = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            if (!Long.valueOf(b.getLastModified()).equals(seen.get(b.getBundleId()))) {
                byBundle.put(b.getBundleId(), read(b));
                seen.put(b.getBundleId(), b.getLastModified());
            }
            out.putAll(byBundle.get(b.getBundleId()).getOrDefault(pid, Map.of()));
        }
        return out;
    }

    private Map<String, Map<String, SettingRule>> read(Bundle bundle) {
        Map<String, Map<String, SettingRule>> byPid = new HashMap<>();
        if (!mayDescribe(bundle)) {
            return byPid;
        }
        Enumeration<URL> files = bundle.findEntries("OSGI-INF/metatype", "*.xml", false);
        while (files != null && files.hasMoreElements()) {
            URL url = files.nextElement();
            try (InputStream in = url.openStream()) {
                read(parser().parse(in), byPid);
            } catch (Exception e) {
                LOG.warn(
                        "Could not read the metatype {} of {}; its settings are not checked",
                        url,
                        bundle.getSymbolicName(),
                        e);
            }
        }
        return byPid;
    }

    /**
     * False when the bundle certainly has no metatype folder: its jar lists its folders (as jars made by bnd,
     * Maven and the JDK's jar tool do) and that one is not among them. Looking up one entry is quick, while
     * {@code findEntries} walks every entry of the jar (thousands in the HTTP runtime's), which made the
     * first check at start slow.
     */
    private static boolean mayDescribe(Bundle bundle) {
        return bundle.getEntry("OSGI-INF/metatype/") != null || bundle.getEntry("META-INF/") == null;
    }

    private DocumentBuilder parser() throws ParserConfigurationException {
        if (parser == null) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            parser = f.newDocumentBuilder();
        }
        parser.reset();
        return parser;
    }

    private static void read(Document doc, Map<String, Map<String, SettingRule>> byPid) {
        Map<String, List<SettingRule>> byOcd = new HashMap<>();
        NodeList ocds = doc.getElementsByTagNameNS("*", "OCD");
        for (int i = 0; i < ocds.getLength(); i++) {
            Element ocd = (Element) ocds.item(i);
            List<SettingRule> rules = new ArrayList<>();
            NodeList ads = ocd.getElementsByTagNameNS("*", "AD");
            for (int k = 0; k < ads.getLength(); k++) {
                Element ad = (Element) ads.item(k);
                List<String> options = new ArrayList<>();
                NodeList os = ad.getElementsByTagNameNS("*", "Option");
                for (int o = 0; o < os.getLength(); o++) {
                    options.add(((Element) os.item(o)).getAttribute("value"));
                }
                String cardinality = ad.getAttribute("cardinality");
                rules.add(new SettingRule(
                        ad.getAttribute("id"),
                        ad.getAttribute("type"),
                        !cardinality.isEmpty() && !cardinality.equals("0"),
                        ad.getAttribute("min"),
                        ad.getAttribute("max"),
                        options));
            }
            byOcd.put(ocd.getAttribute("id"), rules);
        }
        NodeList designates = doc.getElementsByTagNameNS("*", "Designate");
        for (int i = 0; i < designates.getLength(); i++) {
            Element d = (Element) designates.item(i);
            String pid = d.getAttribute("pid").isEmpty() ? d.getAttribute("factoryPid") : d.getAttribute("pid");
            NodeList objects = d.getElementsByTagNameNS("*", "Object");
            for (int k = 0; k < objects.getLength(); k++) {
                for (SettingRule r :
                        byOcd.getOrDefault(((Element) objects.item(k)).getAttribute("ocdref"), List.of())) {
                    byPid.computeIfAbsent(pid, p -> new HashMap<>()).put(r.key(), r);
                }
            }
        }
    }
}
