package org.talkhost.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults on demand. Set from the command line at start and, with --control, at run time. Every setting
 * is read on each request, so a change takes effect at once. Also counts requests (faults depend on it).
 */
public final class Faults {

    /** The names accepted by {@link #set}, as on the command line without the leading dashes. */
    public static final List<String> NAMES = List.of(
            "crash-after-requests",
            "crash-after-seconds",
            "hang-after-requests",
            "hang",
            "unloaded-forever",
            "generate-seconds",
            "fail-generate",
            "malformed-json",
            "drip-ms");

    private volatile int crashAfterRequests;
    private volatile double crashAfterSeconds;
    private volatile int hangAfterRequests = -1;
    private volatile boolean hang;
    private volatile boolean unloadedForever;
    private volatile double generateSeconds;
    private volatile boolean failGenerate;
    private volatile boolean malformedJson;
    private volatile int dripMs;
    private final AtomicInteger requests = new AtomicInteger();

    /** Sets one fault by name; throws IllegalArgumentException in plain words for a bad name or value. */
    public void set(String name, String value) {
        switch (name) {
            case "crash-after-requests":
                crashAfterRequests = count(name, value);
                break;
            case "crash-after-seconds":
                crashAfterSeconds = OptionParser.seconds("--" + name, value);
                break;
            case "hang-after-requests":
                hangAfterRequests = count(name, value);
                break;
            case "hang":
                hang = flag(name, value);
                break;
            case "unloaded-forever":
                unloadedForever = flag(name, value);
                break;
            case "generate-seconds":
                generateSeconds = OptionParser.seconds("--" + name, value);
                break;
            case "fail-generate":
                failGenerate = flag(name, value);
                break;
            case "malformed-json":
                malformedJson = flag(name, value);
                break;
            case "drip-ms":
                dripMs = count(name, value);
                break;
            default:
                throw new IllegalArgumentException(
                        "there is no fault called '" + name + "'; known faults: " + String.join(", ", NAMES));
        }
    }

    /** Counts one request and returns its number, starting at 1. */
    public int countRequest() {
        return requests.incrementAndGet();
    }

    public int requests() {
        return requests.get();
    }

    /** True if request number n must get no answer at all. */
    public boolean hangs(int n) {
        int after = hangAfterRequests;
        return hang || (after >= 0 && n > after);
    }

    /** True if the process must die once request number n has been answered. */
    public boolean crashesAfter(int n) {
        int after = crashAfterRequests;
        return after > 0 && n >= after;
    }

    public double crashAfterSeconds() {
        return crashAfterSeconds;
    }

    public boolean unloadedForever() {
        return unloadedForever;
    }

    public double generateSeconds() {
        return generateSeconds;
    }

    public boolean failGenerate() {
        return failGenerate;
    }

    public boolean malformedJson() {
        return malformedJson;
    }

    public int dripMs() {
        return dripMs;
    }

    /** The current settings, for the control endpoint. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("crash-after-requests", crashAfterRequests);
        m.put("crash-after-seconds", crashAfterSeconds);
        m.put("hang-after-requests", hangAfterRequests);
        m.put("hang", hang);
        m.put("unloaded-forever", unloadedForever);
        m.put("generate-seconds", generateSeconds);
        m.put("fail-generate", failGenerate);
        m.put("malformed-json", malformedJson);
        m.put("drip-ms", dripMs);
        return m;
    }

    private static int count(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= -1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the plain message
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number (0 or more), not '" + value + "'");
    }

    private static boolean flag(String name, String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
            case "1":
            case "yes":
            case "on":
                return true;
            case "false":
            case "0":
            case "no":
            case "off":
                return false;
            default:
                throw new IllegalArgumentException("--" + name + " must be true or false, not '" + value + "'");
        }
    }
}
