package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.talkhost.api.config.HostPaths;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

/**
 * Hot swap under load: each implementation bundle in turn is updated, then stopped and started, while
 * a steady load runs. Each test stands alone (any order): AllTalk keeps the pid it had before the swap (the process bundle detaches and re-adopts, never restarts),
 * the services come back, and every failure the load sees says plainly what is going on. The gaps are
 * written to itests/target/hotswap-gaps.md.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapTest {
    private static final Duration BACK = Duration.ofSeconds(30);
    private static final String API = "org.talkhost.api.";

    @Inject
    BundleContext context;

    /** One bundle swap: {@link Bundle#update()} or stop then start. */
    private interface Swap {
        void on(Bundle b) throws BundleException;
    }

    @Configuration
    public Option[] config() {
        return ScenarioExam.options(ScenarioExam.standinHome());
    }

    @Test
    public void swapLogging() throws Exception {
        swap("talkhost-logging", API + "logging.OperationsLog");
    }

    @Test
    public void swapDetection() throws Exception {
        swap("talkhost-detection", API + "detection.AllTalkDetector");
    }

    @Test
    public void swapPorts() throws Exception {
        swap("talkhost-ports", API + "ports.PortManager");
    }

    @Test
    public void swapConnection() throws Exception {
        swap("talkhost-connection", API + "client.AllTalkClient");
    }

    @Test
    public void swapEnvironment() throws Exception {
        swap("talkhost-environment", API + "environment.Doctor");
    }

    @Test
    public void swapAudio() throws Exception {
        swap("talkhost-audio", API + "audio.Speaker");
    }

    @Test
    public void swapProcess() throws Exception {
        swap("talkhost-process", API + "process.Supervisor");
    }

    @Test
    public void swapHealth() throws Exception {
        swap("talkhost-health", API + "health.HealthMonitor");
    }

    @Test
    public void swapShell() throws Exception {
        swap("talkhost-shell", "alltalk:status command");
    }

    private void swap(String symbolicName, String service) throws Exception {
        Bundle bundle = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals(symbolicName))
                .findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
        String filter = service.endsWith(" command")
                ? "(&(osgi.command.scope=alltalk)(osgi.command.function=status))"
                : "(objectClass=" + service + ")";
        try (SwapLoad load = new SwapLoad(context, HostPaths.home().resolve("swap-load.wav"))) {
            long serverPid = readyPid(load);
            long t0 = System.nanoTime();
            long[] update = measure(load, bundle, filter, Bundle::update);
            long[] restart = measure(load, bundle, filter, b -> {
                b.stop();
                b.start();
            });
            List<SwapLog.Call> calls = load.log().since(t0);
            List<SwapLog.Call> unexplained = only(calls, SwapLog.Kind.UNEXPLAINED);
            List<SwapLog.Call> explained = only(calls, SwapLog.Kind.EXPLAINED);
            List<SwapLog.Call> absent = only(calls, SwapLog.Kind.ABSENT);
            RunState after = readyState(load);
            SwapGaps.add(new SwapGaps.Row(
                    symbolicName,
                    service.substring(service.lastIndexOf('.') + 1),
                    update[0],
                    update[1],
                    restart[0],
                    restart[1],
                    explained.size(),
                    absent.size(),
                    load.log().pids().equals(Set.of(serverPid)) && after.pid() == serverPid
                            ? "same (" + serverPid + ")"
                            : "CHANGED " + load.log().pids(),
                    distinct(explained, unexplained)));

            assertThat(unexplained)
                    .as("failures without a plain message while swapping %s", symbolicName)
                    .isEmpty();
            assertThat(load.log().pids()).as("AllTalk pids the load saw").containsOnly(serverPid);
            assertThat(after.pid())
                    .as("AllTalk's pid after swapping %s", symbolicName)
                    .isEqualTo(serverPid);
            assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive))
                    .as("the server process is alive")
                    .contains(true);
            assertThat(after.startedByUs())
                    .as("still TalkHost's own AllTalk (stopped when TalkHost stops): %s", after.explanation())
                    .isTrue();
        }
    }

    /** Runs {@code swap}; returns ms until the service matching {@code filter} is registered, and until the load is good. */
    private long[] measure(SwapLoad load, Bundle bundle, String filter, Swap swap) throws Exception {
        AtomicLong registered = new AtomicLong(-1);
        ServiceListener listener = e -> {
            if (e.getType() == ServiceEvent.REGISTERED) {
                registered.compareAndSet(-1, System.nanoTime());
            }
        };
        context.addServiceListener(listener, filter);
        try {
            long t0 = System.nanoTime();
            swap.on(bundle);
            await().atMost(BACK)
                    .alias(bundle.getSymbolicName() + ": its service is registered again")
                    .until(() -> registered.get() > 0);
            long good = await().atMost(BACK)
                    .alias(bundle.getSymbolicName() + ": the load succeeds again")
                    .until(() -> load.log().allGoodAgainAfter(t0, 2), v -> v > 0);
            return new long[] {(registered.get() - t0) / 1_000_000, (good - t0) / 1_000_000};
        } finally {
            context.removeServiceListener(listener);
        }
    }

    /** Waits until AllTalk is ready and the load succeeds; returns the server's pid. */
    private long readyPid(SwapLoad load) {
        long from = System.nanoTime();
        RunState s = readyState(load);
        await().atMost(BACK).alias("the load succeeds").until(() -> load.log().allGoodAgainAfter(from, 2) > 0);
        return s.pid();
    }

    private static RunState readyState(SwapLoad load) {
        Supervisor supervisor = await().atMost(BACK).until(load::supervisor, s -> s != null);
        RunState s = supervisor.ensureRunning(NoticeListener.NONE);
        assertThat(s.ready()).as(s.explanation()).isTrue();
        return s;
    }

    private static List<SwapLog.Call> only(List<SwapLog.Call> calls, SwapLog.Kind kind) {
        return calls.stream().filter(c -> c.kind() == kind).collect(Collectors.toList());
    }

    private static List<String> distinct(List<SwapLog.Call> explained, List<SwapLog.Call> unexplained) {
        return Stream.concat(unexplained.stream(), explained.stream())
                .map(Object::toString)
                .distinct()
                .limit(12)
                .collect(Collectors.toList());
    }
}
