package org.talkhost.api.config;

import java.util.Locale;

/** How TalkHost gets its AllTalk. */
public enum Mode {
    /** Start the real AllTalk from its install folder. */
    MANAGED,
    /** Never start anything; connect to a given host and port and watch it. */
    EXTERNAL,
    /** Start the built-in stand-in server (no AllTalk installed). */
    STANDIN;

    /** The effective mode of a configuration: {@code auto} is managed with an install dir, else stand-in. */
    public static Mode of(AllTalkSettings settings) {
        return of(settings.mode(), settings.installDir());
    }

    public static Mode of(String mode, String installDir) {
        String m = mode == null ? "auto" : mode.trim().toLowerCase(Locale.ROOT);
        switch (m) {
            case "managed":
                return MANAGED;
            case "external":
                return EXTERNAL;
            case "standin":
            case "stand-in":
                return STANDIN;
            case "auto":
            case "":
                return installDir == null || installDir.isBlank() ? STANDIN : MANAGED;
            default:
                throw new IllegalArgumentException(
                        "The mode \"" + mode + "\" is not one TalkHost knows. Use auto, managed, external or standin.");
        }
    }
}
