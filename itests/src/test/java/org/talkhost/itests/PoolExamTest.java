package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.talkhost.api.config.Instances;
import org.talkhost.api.environment.Doctor;
import org.talkhost.api.gateway.GatewayStatus;
import org.talkhost.api.gateway.InstanceLoad;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

/**
 * Three AllTalk servers behind one gateway: the default instance and {@code second} (stand-ins TalkHost
 * starts and restarts) and {@code remote} (a stand-in this test starts, configured as external). Requests
 * are spread over all three, none is lost when one is killed, and an instance joins and leaves with its
 * configuration file.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PoolExamTest {
    private static final int REQUESTS = 60;
    private static final String SLOW = "--load-seconds 0 --generate-seconds 0.1";

    @Inject
    GatewayStatus gateway;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        Path home = ScenarioExam.standinHome("standinArgs=\"" + SLOW + "\"");
        int[] second = {TalkHostExam.freePort(), TalkHostExam.freePort()};
        int remote = TalkHostExam.freePort();
        instanceFile(
                home,
                "second",
                "mode=\"standin\"",
                "standinArgs=\"" + SLOW + "\"",
                "ports=I[\"" + second[0] + "\",\"" + second[1] + "\"]");
        instanceFile(home, "remote", "mode=\"external\"", "host=\"127.0.0.1\"", "ports=I[\"" + remote + "\"]");
        return OptionUtils.combine(
                ScenarioExam.options(home),
                TalkHostExam.portOption("poolRemote", remote),
                systemProperty("itest.pool.home").value(home.toString()));
    }

    @Test
    public void threeInstancesShareTheWork_oneKilledLosesNone_aFileAddsAndRemovesAnInstance() throws Exception {
        Path home = Path.of(System.getProperty("itest.pool.home"));
        try (ExternalStandin remote =
                ExternalStandin.start(TalkHostExam.sharedPort("poolRemote"), "--generate-seconds", "0.1")) {
            awaitReady("default", "second", "remote");

            List<Integer> answers = generate(REQUESTS, null);
            assertThat(answers)
                    .as("answers to %s requests at once", REQUESTS)
                    .hasSize(REQUESTS)
                    .allMatch(code -> code == 200);
            Map<String, Long> served = served();
            assertThat(served).as("requests served by each instance").containsKeys("default", "second", "remote");
            assertThat(served.values())
                    .as("requests served by each instance: %s", served)
                    .allMatch(n -> n >= 10);

            int secondPort = supervisor("second").state().address().port();
            assertThat(service(Doctor.class, "second").examine(true).results())
                    .as("instance second's doctor looks at that instance's ports")
                    .filteredOn(r -> r.id().equals("ports"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.message()).startsWith(secondPort + " "));
            Path log = service(OperationsLog.class, null).file().orElseThrow();
            assertThat(Files.readAllLines(log, StandardCharsets.UTF_8))
                    .as("the operations log names the instance a line is about")
                    .anyMatch(l -> l.contains(" - AllTalk instance 'second': Port choice: " + secondPort + " "))
                    .anyMatch(l -> l.contains(" - AllTalk instance 'second': Detection: "))
                    .anyMatch(l -> l.contains(" - AllTalk instance 'second': Health: "))
                    .noneMatch(l -> l.contains(" - Port choice: " + secondPort + " "));

            long pid = supervisor("second").state().pid();
            assertThat(pid).as("the pid of instance second's stand-in").isPositive();
            List<Integer> withKill =
                    generate(REQUESTS, () -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            assertThat(withKill)
                    .as("answers while instance second was killed")
                    .hasSize(REQUESTS)
                    .allMatch(code -> code == 200);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("the killed stand-in is gone")
                    .isFalse();
            awaitReady("second"); // its Supervisor started it again

            int[] extraPorts = {TalkHostExam.freePort(), TalkHostExam.freePort()};
            Path file = instanceFile(
                    home,
                    "extra",
                    "mode=\"standin\"",
                    "standinArgs=\"" + SLOW + "\"",
                    "ports=I[\"" + extraPorts[0] + "\",\"" + extraPorts[1] + "\"]");
            awaitReady("extra");
            long extraPid = supervisor("extra").state().pid();
            Files.delete(file);
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .alias("instance extra leaves the pool when its file is deleted")
                    .until(() -> !served().containsKey("extra"));
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .alias("the stand-in TalkHost started for instance extra is stopped")
                    .until(() -> !ProcessHandle.of(extraPid)
                            .map(ProcessHandle::isAlive)
                            .orElse(false));
        }
    }

    private static Path instanceFile(Path home, String name, String... lines) throws Exception {
        return Files.write(
                home.resolve("config").resolve("org.talkhost.alltalk~" + name + ".config"),
                List.of(lines),
                StandardCharsets.UTF_8);
    }

    private void awaitReady(String... names) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .alias("instances " + String.join(", ", names) + " ready behind the gateway; now "
                        + gateway.instances())
                .until(() -> gateway.instances().stream()
                        .filter(InstanceLoad::ready)
                        .map(InstanceLoad::name)
                        .collect(Collectors.toSet())
                        .containsAll(List.of(names)));
    }

    private Map<String, Long> served() {
        return gateway.instances().stream().collect(Collectors.toMap(InstanceLoad::name, InstanceLoad::served));
    }

    /** The service of instance {@code name} (any service when null). */
    private <S> S service(Class<S> type, String name) {
        ServiceReference<S> ref = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .alias("the " + type.getSimpleName() + " of instance " + name)
                .until(
                        () -> context.getServiceReferences(type, name == null ? null : Instances.filter(name)).stream()
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
        return context.getService(ref);
    }

    private Supervisor supervisor(String name) {
        Supervisor s = service(Supervisor.class, name);
        RunState st = s.ensureRunning(NoticeListener.NONE);
        assertThat(st.ready()).as(st.explanation()).isTrue();
        return s;
    }

    /** {@code n} generations at once through the gateway; {@code midway} runs when a third have answered. */
    private List<Integer> generate(int n, Runnable midway) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<Void> third = new CompletableFuture<>();
        for (int i = 0; i < n; i++) {
            String form = "text_input=" + URLEncoder.encode("Pool sentence number " + i + ".", StandardCharsets.UTF_8)
                    + "&character_voice_gen=female_01.wav&language=en&output_file_name=pool&output_file_timestamp=true";
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.address() + "/api/tts-generate"))
                    .timeout(Duration.ofSeconds(90))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(r -> {
                        if (answered.incrementAndGet() == n / 3) {
                            third.complete(null);
                        }
                        return r.statusCode();
                    }));
        }
        if (midway != null) {
            third.get(60, java.util.concurrent.TimeUnit.SECONDS);
            midway.run();
        }
        List<Integer> codes = new ArrayList<>();
        for (CompletableFuture<Integer> c : calls) {
            codes.add(c.get(120, java.util.concurrent.TimeUnit.SECONDS));
        }
        return codes;
    }
}
