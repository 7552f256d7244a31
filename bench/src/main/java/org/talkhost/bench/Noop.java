package org.talkhost.bench;

/** A main that does nothing: the baseline of a bare JVM start with the launcher jar on the class path. */
public final class Noop {
    private Noop() {}

    public static void main(String[] args) {
        // nothing: the start of the JVM alone is measured
    }
}
