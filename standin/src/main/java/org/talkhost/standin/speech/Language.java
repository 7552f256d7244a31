package org.talkhost.standin.speech;

/**
 * v2's language "auto": AllTalk asks langdetect, which fails on text without a single letter (digits,
 * punctuation or nothing at all). The stand-in detects English whenever there is a letter.
 */
public final class Language {

    private Language() {}

    public static boolean detectable(String text) {
        return text != null && text.codePoints().anyMatch(Character::isLetter);
    }
}
