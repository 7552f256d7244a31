package org.talkhost.standin.speech;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** AllTalk's text_filtering: "none", "standard" (drop odd characters) or "html" (unescape first). */
public final class TextFilter {

    private static final Pattern NOT_ALLOWED = Pattern.compile(
            "[^\\p{L}\\p{N}\\s.,;:!?\\-'\"$\u2018\u2019\u201C\u201D\u3001\u3002\uFF01\uFF0C\uFF1A\uFF1B\uFF1F]");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);");

    private TextFilter() {}

    public static String apply(String text, String filtering) {
        if ("html".equals(filtering)) {
            return clean(unescapeHtml(text.replace("*", "").replace("\n\n", "\n")));
        }
        if ("standard".equals(filtering)) {
            return clean(text);
        }
        return text;
    }

    private static String clean(String text) {
        String t = text.replaceAll("([!?.\u3002\uFF1F\uFF01\uFF0C])\\1+", "$1").replaceAll("\u2026{1,2}", ". ");
        return NOT_ALLOWED.matcher(t).replaceAll("").replaceAll("\\n+", " ");
    }

    public static String unescapeHtml(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r;
            switch (e) {
                case "amp":
                    r = "&";
                    break;
                case "lt":
                    r = "<";
                    break;
                case "gt":
                    r = ">";
                    break;
                case "quot":
                    r = "\"";
                    break;
                case "apos":
                    r = "'";
                    break;
                case "nbsp":
                    r = " ";
                    break;
                default:
                    r = codePoint(
                            e.startsWith("#x") ? new BigInteger(e.substring(2), 16) : new BigInteger(e.substring(1)));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(r));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** As Python's html.unescape: a number beyond Unicode or a surrogate becomes U+FFFD, never an error. */
    private static String codePoint(BigInteger number) {
        if (number.bitLength() > 31
                || !Character.isValidCodePoint(number.intValue())
                || (number.intValue() >= 0xD800 && number.intValue() <= 0xDFFF)) {
            return "\uFFFD";
        }
        return new String(Character.toChars(number.intValue()));
    }
}
