package org.talkhost.standin.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks fields against AllTalk's pydantic rules and words the failures the way it reports them:
 * v1 sends str(ValidationError) (pydantic 2.6 text), v2 sends "field: description" lines.
 */
final class Pydantic {

    private record Failure(String field, String message, String type, String input, String description) {}

    private final List<Failure> failures = new ArrayList<>();

    void maxLength(String field, String value, int max, String description) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            failures.add(new Failure(
                    field,
                    "String should have at most " + max + " characters",
                    "string_too_long",
                    repr(value) + ", input_type=str",
                    description));
        }
    }

    /** The pattern must match the whole value (AllTalk's patterns are anchored with ^...$). */
    void pattern(String field, String value, String regex, String description) {
        if (value != null && !Pattern.compile(regex).matcher(value).matches()) {
            failures.add(new Failure(
                    field,
                    "String should match pattern '^" + regex + "$'",
                    "string_pattern_mismatch",
                    repr(value) + ", input_type=str",
                    description));
        }
    }

    void range(String field, Double value, double min, double max, String description) {
        if (value == null) {
            return;
        }
        String input = python(value) + ", input_type=float";
        if (value < min) {
            failures.add(new Failure(
                    field,
                    "Input should be greater than or equal to " + bound(min),
                    "greater_than_equal",
                    input,
                    description));
        } else if (value > max) {
            failures.add(new Failure(
                    field,
                    "Input should be less than or equal to " + bound(max),
                    "less_than_equal",
                    input,
                    description));
        }
    }

    boolean valid() {
        return failures.isEmpty();
    }

    /** pydantic's str(ValidationError), as AllTalk v1 returns it in {"error": ...}. */
    String v1Text() {
        StringBuilder b = new StringBuilder();
        b.append(failures.size())
                .append(failures.size() == 1 ? " validation error" : " validation errors")
                .append(" for JSONInput");
        for (Failure f : failures) {
            b.append('\n')
                    .append(f.field())
                    .append("\n  ")
                    .append(f.message())
                    .append(" [type=")
                    .append(f.type())
                    .append(", input_value=")
                    .append(f.input())
                    .append(']')
                    .append("\n    For further information visit https://errors.pydantic.dev/2.6/v/")
                    .append(f.type());
        }
        return b.toString();
    }

    /** AllTalk v2's "field: description" lines. */
    String v2Text() {
        StringBuilder b = new StringBuilder();
        for (Failure f : failures) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(f.field()).append(": ").append(f.description());
        }
        return b.toString();
    }

    private static String repr(String s) {
        String r = "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
        return r.length() > 50 ? r.substring(0, 25) + "..." + r.substring(r.length() - 24) : r;
    }

    private static String python(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e16 ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
    }

    private static String bound(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
