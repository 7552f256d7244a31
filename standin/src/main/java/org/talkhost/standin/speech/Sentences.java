package org.talkhost.standin.speech;

import java.util.ArrayList;
import java.util.List;

/** Splits text into sentences (and very long sentences at commas or spaces), the unit of streaming. */
public final class Sentences {

    private static final int LONGEST = 250;

    private Sentences() {}

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String sentence : text.split("(?<=[.!?\u3002\uFF01\uFF1F])\\s+|\\n+")) {
            String s = sentence.trim();
            while (s.length() > LONGEST) {
                int cut = cut(s);
                out.add(s.substring(0, cut).trim());
                s = s.substring(cut).trim();
            }
            if (!s.isEmpty() && s.codePoints().anyMatch(Character::isLetterOrDigit)) {
                out.add(s);
            }
        }
        return out;
    }

    private static int cut(String s) {
        for (String mark : new String[] {", ", "; ", ": ", " "}) {
            int at = s.lastIndexOf(mark, LONGEST - 1);
            if (at > LONGEST / 3) {
                return at + 1;
            }
        }
        return LONGEST;
    }
}
