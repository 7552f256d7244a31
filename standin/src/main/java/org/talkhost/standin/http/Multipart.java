package org.talkhost.standin.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text fields of a multipart/form-data body (files are read as text too; AllTalk's forms have none). */
final class Multipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    /** name="..." as its own parameter, never the tail of filename="...". */
    private static final Pattern NAME = Pattern.compile("(?:^|[;\\s])name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private Multipart() {}

    static Map<String, String> fields(String contentType, byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) {
            return fields;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String delimiter = "--" + b.group(1);
        for (String part : text.split(Pattern.quote(delimiter))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            Matcher n = NAME.matcher(part.substring(0, split));
            if (!n.find()) {
                continue;
            }
            String value = part.substring(split + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            fields.put(n.group(1), value);
        }
        return fields;
    }
}
