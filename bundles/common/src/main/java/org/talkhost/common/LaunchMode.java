package org.talkhost.common;

import org.osgi.framework.BundleContext;

/**
 * How this TalkHost was launched, as the launcher tells the bundles (the framework property {@value #PROPERTY}):
 * {@code console} (./talkhost), {@code service} (--no-shell) or {@code exec} (a one-shot ./talkhost --exec with no
 * TalkHost running in its folder).
 */
public final class LaunchMode {
    /** The framework property the launcher sets to the mode's name in lower case. */
    public static final String PROPERTY = "talkhost.launch.mode";

    private LaunchMode() {}

    /** A one-shot run: TalkHost lives for one command and stops when it is done. */
    public static boolean oneShot(BundleContext context) {
        return "exec".equals(context.getProperty(PROPERTY));
    }

    /** The interactive console, where a person types at a prompt. */
    public static boolean console(BundleContext context) {
        return "console".equals(context.getProperty(PROPERTY));
    }
}
