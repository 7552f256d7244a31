package org.talkhost.standin.speech;

import java.util.Locale;
import java.util.Map;

/** Maps AllTalk voice names and language codes to espeak-ng voices, e.g. female_01.wav + en -> "en+f3". */
final class EspeakVoices {

    private static final Map<String, String> VARIANTS = Map.of(
            "female_01", "f3", "female_02", "f2", "female_03", "f4", "male_01", "m3", "male_02", "m1", "male_03", "m4");

    private static final Map<String, String> LANGUAGES = Map.ofEntries(
            Map.entry("en", "en"),
            Map.entry("fr", "fr"),
            Map.entry("de", "de"),
            Map.entry("es", "es"),
            Map.entry("it", "it"),
            Map.entry("pt", "pt"),
            Map.entry("pl", "pl"),
            Map.entry("tr", "tr"),
            Map.entry("ru", "ru"),
            Map.entry("nl", "nl"),
            Map.entry("cs", "cs"),
            Map.entry("ar", "ar"),
            Map.entry("zh-cn", "cmn"),
            Map.entry("zh", "cmn"),
            Map.entry("ja", "ja"),
            Map.entry("hu", "hu"),
            Map.entry("ko", "ko"),
            Map.entry("hi", "hi"));

    private EspeakVoices() {}

    /** The value for espeak-ng's -v option. */
    static String voice(String allTalkVoice, String language) {
        String lang = LANGUAGES.getOrDefault(language == null ? "en" : language.toLowerCase(Locale.ROOT), "en");
        String variant = variant(allTalkVoice);
        return variant == null ? lang : lang + "+" + variant;
    }

    private static String variant(String voice) {
        if (voice == null) {
            return null;
        }
        String name = voice.toLowerCase(Locale.ROOT);
        name = name.substring(name.lastIndexOf(':') + 1).replaceFirst("\\.(wav|json)$", "");
        String known = VARIANTS.get(name);
        if (known != null) {
            return known;
        }
        if (name.contains("female") || name.contains("woman") || name.contains("girl")) {
            return "f3";
        }
        if (name.contains("male") || name.contains("man") || name.contains("boy")) {
            return "m3";
        }
        return null;
    }
}
