package org.talkhost.standin.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed request fields the way FastAPI (pydantic 2) does, collecting its 422 error entries:
 * a missing or empty form field is "missing", a bad bool is "bool_parsing", a bad number "float_parsing".
 */
public final class FormFields {

    private final Map<String, String> values;
    private final String location;
    private final List<Map<String, Object>> errors = new ArrayList<>();

    /** @param location "body" for form fields, "query" for query parameters */
    public FormFields(Map<String, String> values, String location) {
        this.values = values;
        this.location = location;
    }

    /** A text field; null when absent (a 422 entry when required). */
    public String text(String name, boolean required) {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            if (required) {
                errors.add(error("missing", name, "Field required", null));
            }
            return null;
        }
        return v;
    }

    public Boolean bool(String name, boolean required) {
        String v = text(name, required);
        if (v == null) {
            return null;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "1":
            case "on":
            case "t":
            case "true":
            case "y":
            case "yes":
                return true;
            case "0":
            case "off":
            case "f":
            case "false":
            case "n":
            case "no":
                return false;
            default:
                errors.add(
                        error("bool_parsing", name, "Input should be a valid boolean, unable to interpret input", v));
                return null;
        }
    }

    public Double number(String name, boolean required) {
        String v = text(name, required);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            errors.add(error(
                    "float_parsing", name, "Input should be a valid number, unable to parse string as a number", v));
            return null;
        }
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public List<Map<String, Object>> errors() {
        return errors;
    }

    private Map<String, Object> error(String type, String name, String msg, Object input) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put("loc", List.of(location, name));
        e.put("msg", msg);
        e.put("input", input);
        return e;
    }
}
