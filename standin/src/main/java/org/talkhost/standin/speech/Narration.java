package org.talkhost.standin.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** AllTalk's narrator split: *text* is the narrator, "text" the character, the rest "ambiguous". */
public final class Narration {

    /** Who speaks a part. */
    public enum Role {
        NARRATOR,
        CHARACTER,
        AMBIGUOUS
    }

    public record Part(Role role, String text) {}

    private static final Pattern SPEECH = Pattern.compile("(\\*[^*\"]+\\*|\"[^\"*]+\")");

    private Narration() {}

    public static List<Part> split(String input) {
        String text = TextFilter.unescapeHtml(input).replaceAll("\\.{3,}", ".");
        List<Part> parts = new ArrayList<>();
        int start = 0;
        Matcher m = SPEECH.matcher(text);
        while (m.find()) {
            add(parts, Role.AMBIGUOUS, text.substring(start, m.start()));
            String matched = m.group();
            Role role = matched.startsWith("*") ? Role.NARRATOR : Role.CHARACTER;
            add(parts, role, matched.substring(1, matched.length() - 1));
            start = m.end();
        }
        add(parts, Role.AMBIGUOUS, text.substring(start));
        return parts;
    }

    private static void add(List<Part> parts, Role role, String text) {
        String t = text.strip();
        if (!t.isEmpty()) {
            parts.add(new Part(role, t));
        }
    }
}
