package org.talkhost.shell.internal;

import static org.talkhost.shell.internal.ShellCatalog.TEXT;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.SettingRules;

/**
 * {@code alltalk:config [KEY [VALUE]]}: shows or changes a setting through Config Admin, so it applies
 * at once and FileInstall saves it to config/. KEY is a key of the main settings ({@code port}) or
 * {@code AREA.key} for another part ({@code health.intervalSeconds}).
 */
@Component(
        service = ConfigCommands.class,
        immediate = true,
        property = {"osgi.command.scope=alltalk", "osgi.command.function=config"})
public final class ConfigCommands {
    private static final String FILE = "felix.fileinstall.filename";

    private final BundleContext context;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConfigurationAdmin configAdmin;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MetaTypeService metaType;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SettingRules rules;

    @Activate
    public ConfigCommands(BundleContext context) {
        this.context = context;
    }

    @Descriptor("Show all settings of AllTalk's configuration")
    public String config() throws IOException {
        return show(AllTalkSettings.PID);
    }

    @Descriptor("Show one setting (KEY, or AREA.KEY such as health.intervalSeconds), or all settings of an area")
    public String config(@Descriptor("the setting") String key) throws IOException {
        Target t = Target.of(key);
        if (t.key.isEmpty()) {
            return show(t.pid);
        }
        Object v = properties(t.pid).get(t.key);
        AttributeDefinition def = definition(t.pid, t.key);
        if (v == null && def == null) {
            throw new IllegalArgumentException(TEXT.text("config.unknownKey", key, t.pid, known(t.pid)));
        }
        String shown =
                v == null ? TEXT.text("config.default", String.join(",", def.getDefaultValue())) : Values.show(v);
        return t.key + " = " + shown
                + (def != null && def.getDescription() != null ? "\n  " + def.getDescription() : "");
    }

    @Descriptor("Change a setting; it applies at once, without a restart, and is saved to config/")
    public String config(@Descriptor("the setting") String key, @Descriptor("the new value") String value)
            throws IOException {
        Target t = Target.of(key);
        if (t.key.isEmpty()) {
            throw new IllegalArgumentException(TEXT.text("config.nameIt"));
        }
        Configuration c = Needs.need(configAdmin, "configuration").getConfiguration(t.pid, "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        Object old = props.get(t.key);
        AttributeDefinition def = definition(t.pid, t.key);
        if (old == null && def == null) {
            throw new IllegalArgumentException(TEXT.text("config.unknownKey", key, t.pid, known(t.pid)));
        }
        Object converted = Values.convert(value, old, def, t.key);
        String why = refusal(t, def, converted);
        if (why != null) {
            throw new IllegalArgumentException(TEXT.text("config.refused", why));
        }
        props.put(t.key, converted);
        c.updateIfDifferent(props);
        // a configuration read from a file carries its name; without one (file missing, or detached because a line
        // in it cannot be read) nothing is written to config/
        Dictionary<String, Object> now = c.getProperties();
        boolean saved = now != null && now.get(FILE) != null;
        return TEXT.text(
                saved ? "config.changed" : "config.changedNotSaved",
                t.key,
                old == null ? "its default" : Values.show(old),
                Values.show(converted),
                t.pid);
    }

    /** Why the value is outside what the setting allows (its metatype range or options); null when it fits. */
    private String refusal(Target t, AttributeDefinition def, Object converted) {
        SettingRules r = rules;
        String why = r == null ? null : r.refusal(t.pid, t.key, converted);
        if (why == null && def != null) {
            String check = def.validate(Values.show(converted));
            if (check != null && !check.isEmpty()) {
                why = t.key + ": " + check + ".";
            }
        }
        return why;
    }

    private String show(String pid) throws IOException {
        Map<String, Object> props = properties(pid);
        ObjectClassDefinition ocd = ocd(pid);
        if (ocd != null) {
            for (AttributeDefinition d : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
                props.putIfAbsent(
                        d.getID(),
                        TEXT.text(
                                "config.default",
                                String.join(",", d.getDefaultValue() == null ? new String[0] : d.getDefaultValue())));
            }
        }
        if (props.isEmpty()) {
            return TEXT.text("config.nothing", pid);
        }
        Table t = new Table("SETTING", "VALUE");
        props.forEach((k, v) -> t.row(k, v instanceof String ? v : Values.show(v)));
        return pid + ":\n" + t;
    }

    private Map<String, Object> properties(String pid) throws IOException {
        Configuration c = Needs.need(configAdmin, "configuration").getConfiguration(pid, "?");
        Map<String, Object> out = new TreeMap<>();
        Dictionary<String, Object> d = c.getProperties();
        if (d != null) {
            for (Enumeration<String> keys = d.keys(); keys.hasMoreElements(); ) {
                String k = keys.nextElement();
                if (!k.startsWith("service.") && !k.startsWith("felix.") && !k.startsWith("component.")) {
                    out.put(k, d.get(k));
                }
            }
        }
        return out;
    }

    private String known(String pid) throws IOException {
        Map<String, Object> keys = properties(pid);
        ObjectClassDefinition ocd = ocd(pid);
        if (ocd != null) {
            for (AttributeDefinition d : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
                keys.put(d.getID(), "");
            }
        }
        return keys.isEmpty() ? TEXT.text("config.noneKnown") : String.join(", ", keys.keySet());
    }

    private AttributeDefinition definition(String pid, String key) {
        ObjectClassDefinition ocd = ocd(pid);
        if (ocd == null) {
            return null;
        }
        for (AttributeDefinition d : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            if (d.getID().equals(key)) {
                return d;
            }
        }
        return null;
    }

    private ObjectClassDefinition ocd(String pid) {
        MetaTypeService mts = metaType;
        if (mts == null) {
            return null;
        }
        for (Bundle b : context.getBundles()) {
            MetaTypeInformation info = mts.getMetaTypeInformation(b);
            if (info != null && java.util.Arrays.asList(info.getPids()).contains(pid)) {
                return info.getObjectClassDefinition(pid, null);
            }
        }
        return null;
    }

    /** Which configuration and key a name points at. */
    private static final class Target {
        final String pid;
        final String key;

        private Target(String pid, String key) {
            this.pid = pid;
            this.key = key;
        }

        static Target of(String name) {
            String n = name.trim();
            if (n.startsWith("org.talkhost.")) {
                int dot = n.lastIndexOf('.');
                return new Target(n.substring(0, dot), n.substring(dot + 1));
            }
            int dot = n.indexOf('.');
            if (dot < 0) {
                return new Target(AllTalkSettings.PID, n);
            }
            String area = n.substring(0, dot);
            return new Target(
                    "alltalk".equals(area) ? AllTalkSettings.PID : "org.talkhost." + area, n.substring(dot + 1));
        }
    }
}
