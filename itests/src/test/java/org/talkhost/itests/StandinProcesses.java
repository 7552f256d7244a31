package org.talkhost.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The stand-in server processes on this machine, found by what they run ({@code -jar ...alltalk-standin.jar}),
 * and stopped only by their handle: never by name.
 */
final class StandinProcesses {
    static final String MARKER = "alltalk-standin";

    private StandinProcesses() {}

    /** Every stand-in server process running now, on the whole machine. */
    static List<ProcessHandle> all() {
        try (Stream<ProcessHandle> s = ProcessHandle.allProcesses()) {
            return s.filter(StandinProcesses::isStandin).collect(Collectors.toList());
        }
    }

    /** The stand-in processes below {@code root} (its children, grandchildren...). */
    static List<ProcessHandle> below(ProcessHandle root) {
        try (Stream<ProcessHandle> s = root.descendants()) {
            return s.filter(StandinProcesses::isStandin).collect(Collectors.toList());
        }
    }

    /** Stand-ins whose command line names {@code folder} (for example their {@code --dir} in a test's home). */
    static List<ProcessHandle> using(String folder) {
        return all().stream().filter(h -> commandLine(h).contains(folder)).collect(Collectors.toList());
    }

    /** A JVM running the stand-in jar ({@code -jar .../alltalk-standin.jar}). */
    static boolean isStandin(ProcessHandle h) {
        Optional<String[]> args = h.info().arguments();
        if (args.isEmpty()) {
            return false;
        }
        String[] a = args.get();
        for (int i = 0; i + 1 < a.length; i++) {
            if (a[i].equals("-jar") && a[i + 1].contains(MARKER)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Alive and not a zombie. A stand-in whose TalkHost was killed belongs to whatever adopts orphans on this
     * machine, which may be slow to reap it: once it has ended it stays "alive" to the JDK as a zombie.
     */
    static boolean running(ProcessHandle h) {
        if (!h.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + h.pid() + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return h.isAlive(); // not Linux, or gone this very moment
        }
    }

    static String commandLine(ProcessHandle h) {
        return h.info().commandLine().orElse("");
    }

    static String describe(List<ProcessHandle> processes) {
        return processes.stream()
                .map(h -> "pid " + h.pid() + " (parent "
                        + h.parent().map(p -> Long.toString(p.pid())).orElse("?") + "): " + commandLine(h))
                .collect(Collectors.joining("; "));
    }

    /** Kills {@code h} and everything below it, by handle; waits up to 10 s for them to be gone. */
    static void killTree(ProcessHandle h) {
        List<ProcessHandle> tree;
        try (Stream<ProcessHandle> d = h.descendants()) {
            tree = d.collect(Collectors.toList());
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        h.destroyForcibly();
        tree.add(h);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // reported by the caller's own checks; nothing more can be done here
            }
        }
    }
}
