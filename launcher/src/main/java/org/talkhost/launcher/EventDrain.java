package org.talkhost.launcher;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * The first part of a stop: every bundle that starts after EventAdmin is stopped, then EventAdmin gets a
 * moment to hand out what they said while stopping. Felix's EventAdmin, when it stops, interrupts the
 * deliveries still under way: those notices are lost and it prints "Event Task Processing Interrupted"
 * on the console. A one-shot run stops right after its command, while the notices of that command (and
 * of the stop) are still being delivered; this is what made the warning appear on exit.
 */
final class EventDrain {
    static final String EVENT_ADMIN = "org.apache.felix.eventadmin";
    private static final String DELIVERY = "org.apache.felix.eventadmin.impl.tasks.";

    private EventDrain() {
    }

    /** Returns when the bundles above EventAdmin have stopped and no event is being delivered, or at the deadline. */
    static void run(Framework framework, List<Bundle> installed, long deadlineNanos) throws InterruptedException {
        Bundle admin = installed.stream().filter(b -> EVENT_ADMIN.equals(b.getSymbolicName())).findFirst().orElse(null);
        if (admin == null || admin.getState() != Bundle.ACTIVE) {
            return;
        }
        int level = admin.adapt(BundleStartLevel.class).getStartLevel();
        FrameworkStartLevel framed = framework.adapt(FrameworkStartLevel.class);
        if (framed.getStartLevel() > level) {
            CountDownLatch lowered = new CountDownLatch(1);
            framed.setStartLevel(level, ev -> lowered.countDown());
            lowered.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadlineNanos) {
            quiet = delivering() ? 0 : quiet + 1;
            Thread.sleep(5);
        }
    }

    /** True while one of EventAdmin's threads is handing an event to its handlers. */
    static boolean delivering() {
        for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
            if (t.getKey().getName().startsWith("EventAdmin") && busy(t.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean busy(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            if (f.getClassName().startsWith(DELIVERY)) {
                return true;
            }
        }
        return false;
    }
}
