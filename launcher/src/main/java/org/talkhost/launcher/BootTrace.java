package org.talkhost.launcher;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Where a start spends its time, for whoever makes it faster: with {@code -Dtalkhost.boot.trace=true}
 * (e.g. in {@code TALKHOST_JAVA_OPTS}) the launcher prints to stderr, in milliseconds since the JVM started,
 * each step before the framework runs and the moment each bundle starts and is started.
 */
final class BootTrace {
    private static final boolean ON = Boolean.getBoolean("talkhost.boot.trace");

    private BootTrace() {}

    /**
     * The JVM's start on this JVM's nanoTime clock, moved on by what asking for it cost (the JMX classes,
     * about 100 ms), so that the marks and the samples show the start's own steps; known at the first use.
     */
    private static long startNanos;

    private static boolean startKnown;

    /** Milliseconds since the JVM started, less what finding out when it started cost. */
    private static synchronized long elapsedMillis() {
        if (!startKnown) {
            long before = System.nanoTime();
            long since = sinceJvmStart();
            startNanos = before - since * 1_000_000 + (System.nanoTime() - before);
            startKnown = true;
        }
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static void mark(String step) {
        if (ON) {
            System.err.println("boot " + elapsedMillis() + " ms: " + step);
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
        if (Boolean.getBoolean("talkhost.boot.trace.services")) {
            // each service as it is registered: a component's, by its name; the time to the next line is mostly
            // what its activation (or the next one's set-up) cost
            context.addServiceListener(ev -> {
                if (ev.getType() == ServiceEvent.REGISTERED) {
                    Object component = ev.getServiceReference().getProperty("component.name");
                    Object types = ev.getServiceReference().getProperty(Constants.OBJECTCLASS);
                    mark("  service " + (component != null ? component : Arrays.toString((String[]) types)) + " ["
                            + Thread.currentThread().getName() + "]");
                }
            });
        }
    }

    /**
     * With {@code -Dtalkhost.boot.profile=THREAD} (e.g. {@code FelixStartLevel} or {@code main}), samples that
     * thread's stack about every millisecond until the start is done, then prints each sample to stderr as
     * {@code stack MS@N frame;frame;...} (ms since the JVM started, innermost frame first). Unlike the JDK's own
     * sampler it also catches a thread loading classes or waiting, where a start spends most of its time. Each
     * sample stops the JVM briefly, so the start runs slower while profiled: compare shares, not times.
     */
    private static final String PROFILED = System.getProperty("talkhost.boot.profile");

    private static final List<String> SAMPLES = Collections.synchronizedList(new ArrayList<>());
    private static volatile boolean sampling;

    static void profile() {
        if (PROFILED == null) {
            return;
        }
        elapsedMillis(); // the JMX cost paid here, not in the first sample
        sampling = true;
        Thread sampler = new Thread(
                () -> {
                    while (sampling) {
                        Thread.getAllStackTraces().forEach((thread, frames) -> {
                            if (thread.getName().equals(PROFILED)) {
                                StringBuilder line = new StringBuilder("stack ")
                                        .append(elapsedMillis())
                                        .append('@')
                                        .append(SAMPLES.size())
                                        .append(' ');
                                for (StackTraceElement f : frames) {
                                    line.append(f.getClassName())
                                            .append('.')
                                            .append(f.getMethodName())
                                            .append(';');
                                }
                                SAMPLES.add(line.toString());
                            }
                        });
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException ex) {
                            return;
                        }
                    }
                },
                "talkhost-boot-profile");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Ends the sampling and prints the samples. */
    static void report() {
        if (PROFILED == null) {
            return;
        }
        sampling = false;
        System.err.println("boot profile of " + PROFILED + ": " + SAMPLES.size() + " samples");
        synchronized (SAMPLES) {
            SAMPLES.forEach(System.err::println);
        }
    }

    static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
