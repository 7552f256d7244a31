package org.talkhost.gateway.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

/**
 * Where AllTalk answers now, and what the Supervisor says about it. The Supervisor's run state wins;
 * while the process bundle is away (an update), the settings' host and port tell. Phase events (heard by
 * {@link PhaseEvents}) are passed on to the gateway, so that it stops sending requests the moment a
 * restart begins.
 */
@Component(service = AllTalkWhere.class, configurationPid = AllTalkSettings.PID)
public final class AllTalkWhere {

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Supervisor supervisor;

    private final List<Consumer<PhaseChange>> listeners = new CopyOnWriteArrayList<>();
    private volatile AllTalkSettings settings;

    /** A phase the Supervisor announced, with its plain explanation. */
    record PhaseChange(Phase phase, String explanation, ServerAddress address) {}

    @Activate
    public AllTalkWhere(AllTalkSettings settings) {
        configure(settings);
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

    /** A Supervisor event, passed on to the listeners when it names a phase. */
    void heard(Event event) {
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
        for (Consumer<PhaseChange> l : listeners) {
            l.accept(change);
        }
    }
}
