package org.talkhost.gateway.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.InstanceIdentity;
import org.talkhost.api.config.Instances;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.gateway.InstanceLoad;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

/**
 * One AllTalk instance as the gateway sees it: where it answers now, what its Supervisor says about it,
 * how many requests it has in flight and has served, and whether the gateway saw it fail (then it gets no
 * requests until it answers Ready again). The Supervisor's run state wins; while the process bundle is
 * away (an update), the settings' host and port tell. The instance's phase events (heard by
 * {@link PhaseEvents}, which passes every event to every instance) are passed on to the gateway, so that
 * it stops sending requests to it the moment a restart begins.
 */
@Component(
        service = AllTalkWhere.class,
        configurationPid = Instances.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class AllTalkWhere {

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Supervisor supervisor;

    private final List<Consumer<PhaseChange>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private final String instance;
    private volatile AllTalkSettings settings;
    /**
     * Why the gateway sends this instance nothing now (not seen ready yet, or it failed under a request), or
     * null. A new instance gets requests once it has answered Ready.
     */
    private volatile String down = "AllTalk has not answered yet";

    /** A phase the Supervisor announced, with its plain explanation. */
    record PhaseChange(Phase phase, String explanation, ServerAddress address) {}

    @Activate
    public AllTalkWhere(AllTalkSettings settings, InstanceIdentity instance) {
        this.instance = instance.talkhost_instance();
        configure(settings);
    }

    String instance() {
        return instance;
    }

    int weight() {
        return Math.max(1, settings.weight());
    }

    String mode() {
        return settings.mode();
    }

    int inFlight() {
        return inFlight.get();
    }

    long served() {
        return served.get();
    }

    void began() {
        inFlight.incrementAndGet();
    }

    void ended(boolean answered) {
        inFlight.decrementAndGet();
        if (answered) {
            served.incrementAndGet();
        }
    }

    /** The gateway saw it fail: no requests until it answers Ready again. */
    void down(String why) {
        down = why;
    }

    void up() {
        down = null;
    }

    /** Why it gets no requests now (a plain phrase), or null when it may get them. */
    String unusable() {
        String d = down;
        if (d != null) {
            return d;
        }
        RunState st = state();
        if (st != null && !st.ready()) {
            return Reasons.phase(new PhaseChange(st.phase(), st.explanation(), st.address()));
        }
        return null;
    }

    /** What people see of this instance. */
    InstanceLoad load() {
        ServerAddress at = address();
        String why = unusable();
        RunState st = state();
        String state =
                why != null ? why : st == null ? "ready" : st.phase().name().toLowerCase(Locale.ROOT);
        return new InstanceLoad(
                instance, kind(settings, at), at.toString(), state, why == null, inFlight(), served(), weight());
    }

    /** managed, standin, external, or remote (external on another machine). */
    static String kind(AllTalkSettings s, ServerAddress at) {
        String mode = s.mode() == null ? "auto" : s.mode().strip().toLowerCase(Locale.ROOT);
        if ("external".equals(mode)) {
            return at.onThisMachine() ? "external" : "remote";
        }
        if ("auto".equals(mode)) {
            return s.installDir() == null || s.installDir().isBlank() ? "standin" : "managed";
        }
        return mode;
    }

    boolean failed() {
        return down != null;
    }

    @Modified
    void configure(AllTalkSettings settings) {
        this.settings = settings;
    }

    /** Where to send requests now. */
    ServerAddress address() {
        Supervisor s = supervisor;
        if (s != null) {
            try {
                RunState st = s.state();
                if (st != null && st.address() != null) {
                    return st.address();
                }
            } catch (RuntimeException e) {
                // a Supervisor going away: the settings answer
            }
        }
        return ServerAddress.configured(settings);
    }

    /** The Supervisor's run state, or null while there is none (its bundle is being swapped). */
    RunState state() {
        Supervisor s = supervisor;
        try {
            return s == null ? null : s.state();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Time AllTalk may take between two bytes of an answer (a generation is one long silence). */
    Duration readTimeout() {
        double g = settings.generateTimeoutSeconds();
        return Duration.ofMillis(Math.round(Math.max(g, 10) * 1000));
    }

    void listen(Consumer<PhaseChange> listener) {
        listeners.add(listener);
    }

    void unlisten(Consumer<PhaseChange> listener) {
        listeners.remove(listener);
    }

    /** A Supervisor event: passed on to the listeners when it is this instance's and names a phase. */
    void heard(Event event) {
        if (!instance.equals(Instances.name(event.getProperty(Instances.EVENT_PROPERTY)))) {
            return; // another instance's Supervisor
        }
        Object phase = event.getProperty("phase");
        if (phase == null) {
            return;
        }
        Phase p;
        try {
            p = Phase.valueOf(phase.toString());
        } catch (IllegalArgumentException e) {
            return;
        }
        ServerAddress at = null;
        if (event.getProperty("host") instanceof String h && event.getProperty("port") instanceof Integer port) {
            at = new ServerAddress(h, port);
        }
        Object why = event.getProperty("explanation");
        PhaseChange change = new PhaseChange(p, why == null ? "" : why.toString(), at);
        if (p == Phase.RESTARTING || p == Phase.STOPPING || p == Phase.STARTING) {
            down(Reasons.phase(change));
        } else if (p == Phase.READY) {
            up();
        }
        for (Consumer<PhaseChange> l : listeners) {
            l.accept(change);
        }
    }
}
