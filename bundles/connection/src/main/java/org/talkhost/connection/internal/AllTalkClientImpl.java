package org.talkhost.connection.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.client.AudioStream;
import org.talkhost.api.client.GenerateRequest;
import org.talkhost.api.client.GenerateResult;
import org.talkhost.api.client.ReadyAnswer;
import org.talkhost.api.client.RejectedInputException;
import org.talkhost.api.client.ServerSettings;
import org.talkhost.api.client.SpeechRequest;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.InstanceIdentity;
import org.talkhost.api.config.Instances;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationsLog;

/**
 * The {@link AllTalkClient} service: configuration, target, metrics and logs around {@link Endpoints}
 * and {@link Generation}. Host, port and timeouts come from the instance's copy of {@code org.talkhost.alltalk}
 * ({@value Instances#FACTORY_PID}); the retry settings from {@code org.talkhost.connection}, listed first and seeded
 * by the feature: Felix SCR reads a component's PIDs in order when it sets the component up and stops at the first
 * one without a configuration (with the instance's PID first, a file for the retry settings was ignored).
 */
@Component(
        service = AllTalkClient.class,
        configurationPid = {ConnectionSettings.PID, Instances.FACTORY_PID})
public final class AllTalkClientImpl implements AllTalkClient {
    private static final Logger LOG = LoggerFactory.getLogger(AllTalkClientImpl.class);

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OperationsLog operationsLog;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Metrics metrics;

    /** The instance this client serves: its operations log lines name it when the host has several. */
    private volatile String instance = Instances.DEFAULT;

    private final Telemetry telemetry = new Telemetry(
            () -> (operationsLog == null ? OperationsLog.NONE : operationsLog).about(instance), () -> metrics);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final RetryingCalls.Sleeper sleeper;
    private final HttpTransport transport;
    private final Endpoints endpoints;
    private final Generation generation;
    private final ConnectionWatch watch = new ConnectionWatch(telemetry::ops);
    private final ObservedCalls calls = new ObservedCalls(telemetry, watch, () -> stopped.getCount() == 0);
    private volatile ServerAddress chosen;

    @Activate
    public AllTalkClientImpl(AllTalkSettings settings, ConnectionSettings config, InstanceIdentity instance) {
        this(settings, config, (RetryingCalls.Sleeper) null);
        this.instance = instance.talkhost_instance();
    }

    /** @param sleeper how to wait between tries (tests record the waits); null: really wait */
    AllTalkClientImpl(AllTalkSettings settings, ConnectionSettings config, RetryingCalls.Sleeper sleeper) {
        this.sleeper = sleeper != null ? sleeper : wait -> !stopped.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        ClientSettings s = resolve(settings, config);
        transport = new HttpTransport(s.connect());
        endpoints = new Endpoints(transport, s, retrying(s));
        generation = new Generation(transport, endpoints);
        LOG.info(
                "AllTalk client ready for {} (connect {} s, calls {} s, ready checks {} s, speech {} s, "
                        + "{} tries on a failed connection)",
                s.target(),
                ClientSettings.seconds(s.connect()),
                ClientSettings.seconds(s.api()),
                ClientSettings.seconds(s.health()),
                ClientSettings.seconds(s.generate()),
                s.retry().attempts());
    }

    @Modified
    void configure(AllTalkSettings settings, ConnectionSettings config) {
        ServerAddress before = target();
        ClientSettings s = resolve(settings, config);
        endpoints.configure(s, retrying(s));
        retargeted(before);
    }

    @Deactivate
    void stop() {
        stopped.countDown();
        transport.close();
    }

    @Override
    public ServerAddress target() {
        ServerAddress c = chosen;
        return c != null ? c : endpoints.settings().target();
    }

    /** {@code null} goes back to the configured host and port. */
    @Override
    public void target(ServerAddress address) {
        ServerAddress before = target();
        chosen = address;
        retargeted(before);
    }

    @Override
    public ReadyAnswer ready() {
        return ready(null);
    }

    @Override
    public ReadyAnswer ready(Duration timeout) {
        Duration t = timeout == null || timeout.isZero() || timeout.isNegative()
                ? endpoints.settings().health()
                : timeout;
        return timed("ready", true, at -> endpoints.ready(at, t));
    }

    @Override
    public ServerSettings settings() {
        return timed("settings", false, at -> {
            ServerSettings s = endpoints.settings(at);
            watch.found(at, s);
            return s;
        });
    }

    @Override
    public List<String> voices() {
        return timed("voices", false, endpoints::voices);
    }

    @Override
    public GenerateResult generate(GenerateRequest request) {
        GenerateRequest r = required(request);
        return timed("generate", false, at -> whileInFlight(() -> generation.generate(at, kind(at), r)));
    }

    @Override
    public byte[] download(URI url) {
        return timed("download", false, at -> endpoints.download(at, url));
    }

    @Override
    public AudioStream stream(GenerateRequest request) {
        GenerateRequest r = required(request);
        return timed("stream", false, at -> {
            ServerSettings kind = kind(at);
            inFlight.incrementAndGet();
            try {
                return generation.stream(at, kind, r, inFlight::decrementAndGet);
            } catch (RuntimeException e) {
                inFlight.decrementAndGet();
                throw e;
            }
        });
    }

    @Override
    public byte[] speech(SpeechRequest request) {
        if (request == null) {
            throw new RejectedInputException(
                    "input", ConnectionCatalog.TEXT.text("rejected.speech.input", ""), "null request");
        }
        return timed("speech", false, at -> whileInFlight(() -> generation.speech(at, kind(at), request)));
    }

    @Override
    public void reload(String engine) {
        timed(
                "reload",
                false,
                at -> whileInFlight(() -> {
                    try {
                        endpoints.reload(at, engine);
                    } finally {
                        watch.forget();
                    }
                    return null;
                }));
    }

    @Override
    public void stopGeneration() {
        timed("stop", false, at -> {
            endpoints.stop(at);
            return null;
        });
    }

    @Override
    public int inFlight() {
        return inFlight.get();
    }

    private ServerSettings kind(ServerAddress at) {
        ServerSettings known = watch.known(at);
        if (known != null) {
            return known;
        }
        ServerSettings found = endpoints.settings(at);
        watch.found(at, found);
        return found;
    }

    private <T> T whileInFlight(Supplier<T> call) {
        inFlight.incrementAndGet();
        try {
            return call.get();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private <T> T timed(String op, boolean quiet, Function<ServerAddress, T> call) {
        return calls.run(op, quiet, target(), call);
    }

    private void retargeted(ServerAddress before) {
        ServerAddress now = target();
        if (!Objects.equals(before, now)) {
            watch.forget();
            LOG.info("TalkHost now talks to AllTalk on {} (was {})", now, before);
            telemetry.ops().info("TalkHost now talks to AllTalk on {} (was {})", now, before);
        }
    }

    private ClientSettings resolve(AllTalkSettings settings, ConnectionSettings config) {
        List<String> problems = new ArrayList<>();
        ClientSettings s = ClientSettings.resolve(settings, config, problems);
        telemetry.settingsReplaced(problems);
        return s;
    }

    private RetryingCalls retrying(ClientSettings s) {
        return new RetryingCalls(s.retry(), sleeper, telemetry.retries(this::target));
    }

    private static GenerateRequest required(GenerateRequest r) {
        if (r == null) {
            throw new RejectedInputException(
                    "text_input", ConnectionCatalog.TEXT.text("rejected.noText"), "null request");
        }
        return r;
    }
}
