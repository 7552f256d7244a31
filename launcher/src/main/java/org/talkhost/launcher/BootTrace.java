package org.talkhost.launcher;

import java.lang.management.ManagementFactory;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Where a start spends its time, for whoever makes it faster: with {@code -Dtalkhost.boot.trace=true}
 * (e.g. in {@code TALKHOST_JAVA_OPTS}) the launcher prints to stderr, in milliseconds since the JVM started,
 * each step before the framework runs and the moment each bundle starts and is started.
 */
final class BootTrace {
    private static final boolean ON = Boolean.getBoolean("talkhost.boot.trace");

    private BootTrace() {}

    static void mark(String step) {
        if (ON) {
            System.err.println("boot " + sinceJvmStart() + " ms: " + step);
        }
    }

    static void watch(BundleContext context) {
        if (!ON) {
            return;
        }
        context.addBundleListener((SynchronousBundleListener) ev -> {
            if (ev.getType() == BundleEvent.STARTING || ev.getType() == BundleEvent.STARTED) {
                mark((ev.getType() == BundleEvent.STARTING ? "starting " : "started ")
                        + ev.getBundle().getSymbolicName());
            }
        });
    }

    static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
