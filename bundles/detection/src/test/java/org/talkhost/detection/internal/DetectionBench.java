package org.talkhost.detection.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.detection.Detection;
import org.talkhost.api.notice.NoticeListener;

/**
 * Warm detection time with the real process list (OSHI) and real sockets: with nothing on the probed
 * ports, and with one fake AllTalk v2 answering. Not a test; run it by hand:
 *
 * <pre>
 * ./mvnw -q -f bundles/detection/pom.xml test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp bundles/detection/target/classes:bundles/detection/target/test-classes:$(cat bundles/detection/target/cp.txt) \
 *     org.talkhost.detection.internal.DetectionBench [runs]
 * </pre>
 */
public final class DetectionBench {
    private static final int WARMUP = 30;

    private DetectionBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int a = FakeAllTalk.freePort();
        int b = FakeAllTalk.freePort();
        AllTalkSettings nothing = TestSettings.with("ports", new int[] {a, b});
        AllTalkDetectorImpl detector = new AllTalkDetectorImpl(nothing);
        try {
            OshiProcessSource oshi = new OshiProcessSource();
            ProcessMatcher matcher = new ProcessMatcher(null, FolderFacts.DISK);
            long self = ProcessHandle.current().pid();
            report("process scan only (OSHI + matcher)", runs, () -> time(() -> matcher.match(oshi.list(), self)));
            Detection last = detector.detect(NoticeListener.NONE);
            System.out.println("  nothing running -> " + last.conclusion() + " ("
                    + last.processes().size() + " AllTalk-like processes on this machine)");
            report(
                    "detect(), nothing on the 2 probed ports",
                    runs,
                    () -> time(() -> detector.detect(NoticeListener.NONE)));
            try (FakeAllTalk v2 = FakeAllTalk.v2()) {
                AllTalkDetectorImpl withOne =
                        new AllTalkDetectorImpl(TestSettings.with("ports", new int[] {v2.port(), b}));
                try {
                    System.out.println("  one AllTalk -> "
                            + withOne.detect(NoticeListener.NONE).conclusion());
                    report(
                            "probe() of the fake AllTalk only",
                            runs,
                            () -> time(() -> withOne.probe("127.0.0.1", v2.port())));
                    report(
                            "detect(), one fake AllTalk v2 answering",
                            runs,
                            () -> time(() -> withOne.detect(NoticeListener.NONE)));
                } finally {
                    withOne.stop();
                }
            }
            curve(detector, matcher, oshi, self);
        } finally {
            detector.stop();
        }
    }

    /**
     * #20's cost curve: detection with 100, 1,000 and 5,000 other processes on the machine ({@code sleep}s this
     * bench starts and ends), against the JDK listing every process with its command line (the least any process
     * scan reads). Goal: under 50 ms with 1,000.
     */
    private static void curve(AllTalkDetectorImpl detector, ProcessMatcher matcher, OshiProcessSource oshi, long self)
            throws Exception {
        int runs = 20;
        System.out.println("cost curve: other processes started on the machine (sleep), median of " + runs + " runs");
        System.out.println("  others  processes  JDK: list + command lines  OSHI scan + matcher  /proc scan + matcher"
                + "  detect() (/proc)");
        ProcessSource procFs = ProcFsProcessSource.forThisMachine();
        List<Process> shells = new ArrayList<>();
        StringBuilder curve = new StringBuilder();
        double at1000 = -1;
        double jdk1000 = -1;
        double oshi1000 = -1;
        try {
            int started = 0;
            for (int target : new int[] {100, 1000, 5000}) {
                int batch = target - started;
                Process sh = new ProcessBuilder(
                                "sh",
                                "-c",
                                "i=0; while [ $i -lt " + batch + " ]; do sleep 600 & i=$((i+1)); done; wait")
                        .redirectErrorStream(true)
                        .start();
                shells.add(sh);
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (sh.descendants().count() < batch && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                started = target;
                long all = ProcessHandle.allProcesses().count();
                double jdk = median(
                        runs,
                        () -> time(() -> ProcessHandle.allProcesses()
                                .map(h -> h.info().commandLine())
                                .count()));
                double scan = median(runs, () -> time(() -> matcher.match(oshi.list(), self)));
                double fast = median(runs, () -> time(() -> matcher.match(procFs.list(), self)));
                double detect = median(runs, () -> time(() -> detector.detect(NoticeListener.NONE)));
                curve.append(curve.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.1f ms", detect));
                if (target == 1000) {
                    at1000 = detect;
                    jdk1000 = jdk;
                    oshi1000 = scan;
                }
                System.out.printf(
                        Locale.ROOT,
                        "  %6d  %9d  %22.1f ms  %16.1f ms  %17.1f ms  %13.1f ms%n",
                        target,
                        all,
                        jdk,
                        scan,
                        fast,
                        detect);
            }
            // a line bench/run puts in the results table
            System.out.printf(
                    Locale.ROOT,
                    "row|detection|detect() with 1,000 other processes on the machine|%.1f ms|< 50 ms|%s; "
                            + "curve for 100 / 1,000 / 5,000: %s; baselines at 1,000: the JDK listing every process "
                            + "with its command line %.1f ms, OSHI's process list (used before) %.1f ms%n",
                    at1000,
                    at1000 >= 0 && at1000 < 50 ? "goal met" : "goal NOT met",
                    curve,
                    jdk1000,
                    oshi1000);
        } finally {
            for (Process sh : shells) {
                sh.descendants().forEach(ProcessHandle::destroyForcibly);
                sh.destroyForcibly();
                sh.waitFor();
            }
        }
    }

    private static double median(int runs, LongSupplier one) {
        one.getAsLong();
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            nanos[i] = one.getAsLong();
        }
        Arrays.sort(nanos);
        return ms(nanos[runs / 2]);
    }

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }

    private static void report(String what, int runs, LongSupplier one) {
        for (int i = 0; i < WARMUP; i++) {
            one.getAsLong();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            nanos[i] = one.getAsLong();
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "%-45s runs %d  median %.1f ms  p90 %.1f ms  max %.1f ms%n",
                what,
                runs,
                ms(nanos[runs / 2]),
                ms(nanos[(int) Math.ceil(runs * 0.9) - 1]),
                ms(nanos[runs - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
