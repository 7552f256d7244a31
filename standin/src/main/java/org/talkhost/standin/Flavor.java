package org.talkhost.standin;

import java.util.Locale;

/** Which AllTalk the stand-in behaves like: v1 (branch main) or v2 (branch alltalkbeta). */
public enum Flavor {
    V1,
    V2;

    /** Reads "v1" or "v2" as given on the command line. */
    public static Flavor parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "v1":
            case "1":
                return V1;
            case "v2":
            case "2":
                return V2;
            default:
                throw new IllegalArgumentException(
                        "--flavor must be v1 or v2 (the AllTalk version to behave like), not '" + text + "'");
        }
    }

    /** "v1" or "v2". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
