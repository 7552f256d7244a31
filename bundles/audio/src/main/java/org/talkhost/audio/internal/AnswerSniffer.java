package org.talkhost.audio.internal;

import java.nio.charset.StandardCharsets;

/** Tells, from its first bytes, whether an answer that should be sound is a web page, a data message or text. */
final class AnswerSniffer {
    static final String EMPTY = "audio.looked.empty";
    static final String WEB_PAGE = "audio.looked.web-page";
    static final String DATA = "audio.looked.data";
    static final String TEXT = "audio.looked.text";
    static final String UNREADABLE = "audio.looked.unreadable";

    private AnswerSniffer() {}

    /** The catalog key of what the bytes look like, or null when they may well be sound. */
    static String lookedLike(byte[] head, int length) {
        if (length <= 0) {
            return EMPTY;
        }
        int first = -1;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xff;
            boolean space = b == ' ' || b == '\t' || b == '\r' || b == '\n';
            if (!space && (b < 0x20 || b > 0x7e)) {
                return null;
            }
            if (!space && first < 0) {
                first = b;
            }
        }
        if (first == '<') {
            return WEB_PAGE;
        }
        return first == '{' || first == '[' ? DATA : TEXT;
    }

    /** Same as {@link #lookedLike}, but never null: bytes that are not text are "unreadable". */
    static String describe(byte[] bytes) {
        String kind = lookedLike(bytes, Math.min(bytes.length, 256));
        return kind == null ? UNREADABLE : kind;
    }

    /** The first bytes as text for the log, control characters shown as dots. */
    static String excerpt(byte[] bytes, int length) {
        int n = Math.min(length, 80);
        byte[] copy = new byte[n];
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            copy[i] = (byte) (b < 0x20 || b > 0x7e ? '.' : b);
        }
        return new String(copy, StandardCharsets.US_ASCII);
    }
}
