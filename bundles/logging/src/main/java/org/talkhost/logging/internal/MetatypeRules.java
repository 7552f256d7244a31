package org.talkhost.logging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.config.SettingRules;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

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
    /**
     * One parser for every file, made at the first (finding the XML factory is a search each time). SAX, which
     * SCR and logback have already warmed up by then; the DOM parser's first use alone took ~30 ms of the start.
     */
    private SAXParser parser;

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
        // getEntryPaths, not findEntries: findEntries resolves a bundle not resolved yet (to look into its
        // fragments), and at start that made this first check resolve bundle after bundle, one at a time
        Enumeration<String> paths = bundle.getEntryPaths("OSGI-INF/metatype/");
        while (paths != null && paths.hasMoreElements()) {
            String path = paths.nextElement();
            URL url = path.endsWith(".xml") ? bundle.getEntry(path) : null;
            if (url == null) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                read(parser(), in, byPid);
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
     * Maven and the JDK's jar tool do) and that one is not among them. The names are looked up without their
     * closing slash: the jar finds "OSGI-INF/metatype/" by "OSGI-INF/metatype" in its index, while Felix answers
     * a name ending in a slash by walking every entry of the jar (thousands in the HTTP runtime's, JNA's and
     * OSHI's), which took about 20 ms of every start.
     */
    static boolean mayDescribe(Bundle bundle) {
        return bundle.getEntry("OSGI-INF/metatype") != null || bundle.getEntry("META-INF") == null;
    }

    private SAXParser parser() throws ParserConfigurationException, SAXException {
        if (parser == null) {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            parser = f.newSAXParser();
        }
        parser.reset();
        return parser;
    }

    /** Adds the rules one metatype file gives, by PID and key. */
    static void read(SAXParser parser, InputStream in, Map<String, Map<String, SettingRule>> byPid)
            throws IOException, SAXException {
        Map<String, List<SettingRule>> byOcd = new HashMap<>();
        Map<String, List<String>> designates = new HashMap<>(); // pid -> the OCDs it names
        parser.parse(in, new DefaultHandler() {
            private List<SettingRule> ocd;
            private Attributes ad;
            private List<String> options;
            private String pid;

            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                switch (local) {
                    case "OCD" -> {
                        ocd = new ArrayList<>();
                        byOcd.put(a.getValue("id"), ocd);
                    }
                    case "AD" -> {
                        ad = new org.xml.sax.helpers.AttributesImpl(a);
                        options = new ArrayList<>();
                    }
                    case "Option" -> {
                        if (options != null) {
                            options.add(value(a, "value"));
                        }
                    }
                    case "Designate" -> pid = value(a, "pid").isEmpty() ? value(a, "factoryPid") : value(a, "pid");
                    case "Object" -> {
                        if (pid != null) {
                            designates
                                    .computeIfAbsent(pid, p -> new ArrayList<>())
                                    .add(value(a, "ocdref"));
                        }
                    }
                    default -> {}
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                if (local.equals("AD") && ad != null && ocd != null) {
                    String cardinality = value(ad, "cardinality");
                    ocd.add(new SettingRule(
                            value(ad, "id"),
                            value(ad, "type"),
                            !cardinality.isEmpty() && !cardinality.equals("0"),
                            value(ad, "min"),
                            value(ad, "max"),
                            options));
                    ad = null;
                    options = null;
                } else if (local.equals("Designate")) {
                    pid = null;
                }
            }
        });
        designates.forEach((pid, ocds) -> {
            for (String ocd : ocds) {
                for (SettingRule r : byOcd.getOrDefault(ocd, List.of())) {
                    byPid.computeIfAbsent(pid, p -> new HashMap<>()).put(r.key(), r);
                }
            }
        });
    }

    /** An attribute's value, "" when it is absent (as DOM gives it). */
    private static String value(Attributes a, String name) {
        String v = a.getValue(name);
        return v == null ? "" : v;
    }
}
