package org.talkhost.audio.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Long text cut into pieces AllTalk accepts (it refuses more than its limit, 2,000 characters on v1 and by
 * default on v2): at sentence ends where it can, else at commas (or semicolons, colons), else at spaces,
 * else anywhere. Every piece is within the limit; together they hold every word, in order.
 */
final class TextPieces {
    /** AllTalk v1's limit, and v2's default ({@code api_def.api_max_characters}). */
    static final int ALLTALK_LIMIT = 2000;

    private TextPieces() {}

    static List<String> split(String text, int limit) {
        List<String> pieces = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > limit) {
            int cut = lastBreak(rest, limit, ".!?…");
            if (cut <= 0) {
                cut = lastBreak(rest, limit, ",;:");
            }
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', limit);
            }
            if (cut <= 0) {
                cut = limit;
            }
            pieces.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /** The end (exclusive) of the last mark among {@code marks} followed by a space, within {@code limit}. */
    private static int lastBreak(String text, int limit, String marks) {
        for (int i = Math.min(limit, text.length() - 1) - 1; i > 0; i--) {
            if (marks.indexOf(text.charAt(i)) >= 0 && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        return -1;
    }
}
