package org.talkhost.logging.internal;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * What one setting may hold, from its metatype {@code <AD>}: type, single or list, range, options.
 * {@link #refusal} says in plain words why a value is not allowed.
 */
record SettingRule(String key, String type, boolean list, String min, String max, List<String> options) {

    /** Null when {@code value} is allowed; else a plain sentence naming the allowed values. */
    String refusal(Object value) {
        if (value == null) {
            return null;
        }
        if (value.getClass().isArray() || value instanceof java.util.Collection) {
            Object[] items = value instanceof java.util.Collection<?> c ? c.toArray() : boxed(value);
            if (!list && items.length != 1) {
                return key + " takes one value, not a list";
            }
            for (Object item : items) {
                String r = refusal(item);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
        if (numeric()) {
            BigDecimal n = number(value);
            if (n == null) {
                return key + " must be " + kind() + "; " + show(value) + " is not.";
            }
            if (value instanceof Double d && d != 0 && Math.abs(d) < Double.MIN_NORMAL
                    || value instanceof Float f && f != 0 && Math.abs(f) < Float.MIN_NORMAL) {
                return key + " = " + value + " is what the file format makes of a decimal written without a point "
                        + "(D\"5\" is read as raw bits). Write the number with a decimal point, such as D\"5.0\".";
            }
            boolean low = !min.isEmpty() && n.compareTo(new BigDecimal(min)) < 0;
            boolean high = !max.isEmpty() && n.compareTo(new BigDecimal(max)) > 0;
            if (low || high) {
                return key + " must be " + kind() + " " + range() + "; " + show(value) + " is outside that range.";
            }
            return null;
        }
        if ("Boolean".equals(type)
                && !(value instanceof Boolean)
                && !List.of("true", "false")
                        .contains(String.valueOf(value).trim().toLowerCase(Locale.ROOT))) {
            return key + " must be true or false; " + show(value) + " is not.";
        }
        if (!options.isEmpty() && "String".equals(type) && !options.contains(String.valueOf(value))) {
            return key + " must be one of " + String.join(", ", options) + "; " + show(value) + " is not.";
        }
        return null;
    }

    boolean numeric() {
        return List.of("Integer", "Long", "Short", "Byte", "Double", "Float").contains(type);
    }

    /** "from 0.1 to 60", "at least 1", "at most 10"; empty without a range. */
    String range() {
        if (!min.isEmpty() && !max.isEmpty()) {
            return "from " + min + " to " + max;
        }
        return !min.isEmpty() ? "of at least " + min : !max.isEmpty() ? "of at most " + max : "";
    }

    private String kind() {
        return List.of("Double", "Float").contains(type) ? "a number" : "a whole number";
    }

    private BigDecimal number(Object value) {
        try {
            if (value instanceof Double d) {
                return Double.isFinite(d) ? new BigDecimal(d.toString()) : null;
            }
            if (value instanceof Float f) {
                return Float.isFinite(f) ? new BigDecimal(f.toString()) : null;
            }
            BigDecimal n = new BigDecimal(String.valueOf(value).trim());
            boolean whole = !List.of("Double", "Float").contains(type);
            return whole && n.stripTrailingZeros().scale() > 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Object[] boxed(Object array) {
        Object[] out = new Object[Array.getLength(array)];
        for (int i = 0; i < out.length; i++) {
            out[i] = Array.get(array, i);
        }
        return out;
    }

    private static String show(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
