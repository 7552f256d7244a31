package org.talkhost.shell.internal;

import static org.talkhost.shell.internal.ShellCatalog.TEXT;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Locale;

import org.osgi.service.metatype.AttributeDefinition;

/** Turns text typed at the console into a configuration value of the right type, and back. */
final class Values {

    private Values() {}

    static String show(Object v) {
        if (v != null && v.getClass().isArray()) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Array.getLength(v); i++) {
                b.append(i == 0 ? "" : ",").append(Array.get(v, i));
            }
            return b.toString();
        }
        return String.valueOf(v);
    }

    /** Converts by the metatype definition when there is one, else by the type of the old value. */
    static Object convert(String text, Object old, AttributeDefinition def, String key) {
        String type = def != null ? typeName(def.getType()) : old == null ? "String" : simple(old);
        boolean list = def != null
                ? def.getCardinality() != 0
                : old != null && old.getClass().isArray();
        try {
            if (list) {
                String[] parts = text.trim().isEmpty() ? new String[0] : text.split("\\s*,\\s*");
                if ("Integer".equals(type)) {
                    return Arrays.stream(parts).map(Integer::valueOf).toArray(Integer[]::new);
                }
                return parts;
            }
            switch (type) {
                case "Integer":
                    return Integer.valueOf(text.trim());
                case "Long":
                    return Long.valueOf(text.trim());
                case "Double":
                    return Double.valueOf(text.trim());
                case "Boolean":
                    String t = text.trim().toLowerCase(Locale.ROOT);
                    if (!t.equals("true") && !t.equals("false")) {
                        throw new NumberFormatException(text);
                    }
                    return Boolean.valueOf(t);
                default:
                    String[] options = def == null ? null : def.getOptionValues();
                    // a text setting without a fixed list has no options: null, or an empty list from some readers
                    if (options != null
                            && options.length > 0
                            && !Arrays.asList(options).contains(text)) {
                        throw new IllegalArgumentException(
                                TEXT.text("config.badValue", text, key, "one of " + String.join(", ", options)));
                    }
                    return text;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    TEXT.text("config.badValue", text, key, (list ? "a comma-separated list of " : "") + words(type)));
        }
    }

    private static String words(String type) {
        switch (type) {
            case "Integer":
            case "Long":
                return "whole numbers";
            case "Double":
                return "numbers such as 1.5";
            case "Boolean":
                return "true or false";
            default:
                return "text";
        }
    }

    private static String simple(Object v) {
        Class<?> c = v.getClass().isArray() ? v.getClass().getComponentType() : v.getClass();
        if (c == int.class) {
            return "Integer";
        }
        return c.getSimpleName();
    }

    private static String typeName(int type) {
        switch (type) {
            case AttributeDefinition.INTEGER:
                return "Integer";
            case AttributeDefinition.LONG:
                return "Long";
            case AttributeDefinition.DOUBLE:
            case AttributeDefinition.FLOAT:
                return "Double";
            case AttributeDefinition.BOOLEAN:
                return "Boolean";
            default:
                return "String";
        }
    }
}
