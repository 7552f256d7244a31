package org.talkhost.shell.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.talkhost.api.config.Instances;
import org.talkhost.api.gateway.GatewayStatus;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.talkhost.api.audio.Speaker;
import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.environment.Doctor;
import org.talkhost.api.health.HealthMonitor;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.ports.PortManager;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

/**
 * The services the commands drive, each optional and swappable: a command whose service is away
 * (its bundle is being updated, say) answers with a plain sentence instead of failing.
 */
@Component(service = Services.class, immediate = true)
public final class Services {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Supervisor supervisor;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AllTalkClient client;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Speaker speaker;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HealthMonitor health;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PortManager ports;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Doctor doctor;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Metrics metrics;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConfigurationAdmin configAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile GatewayStatus gateway;

    private final Map<String, Supervisor> supervisors = new ConcurrentSkipListMap<>();
    private final Map<String, HealthMonitor> monitors = new ConcurrentSkipListMap<>();
    private final boolean oneShot;

    @Reference(name = "supervisors", service = Supervisor.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeSupervisor")
    void addSupervisor(Supervisor s, Map<String, Object> props) {
        supervisors.put(Instances.name(props.get(Instances.NAME)), s);
    }

    void removeSupervisor(Supervisor s, Map<String, Object> props) {
        supervisors.remove(Instances.name(props.get(Instances.NAME)), s);
    }

    @Reference(name = "monitors", service = HealthMonitor.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeMonitor")
    void addMonitor(HealthMonitor h, Map<String, Object> props) {
        monitors.put(Instances.name(props.get(Instances.NAME)), h);
    }

    void removeMonitor(HealthMonitor h, Map<String, Object> props) {
        monitors.remove(Instances.name(props.get(Instances.NAME)), h);
    }

    /** The names of the AllTalk instances, in order. */
    Set<String> instances() {
        return Set.copyOf(supervisors.keySet());
    }

    /** The Supervisor of instance {@code name}; the default instance's when {@code name} is empty. */
    Supervisor supervisor(String name) {
        if (name == null || name.isBlank()) {
            return supervisor();
        }
        Supervisor s = supervisors.get(name.strip());
        if (s == null) {
            throw new IllegalArgumentException(ShellCatalog.TEXT.text("instance.unknown", name.strip(),
                    String.join(", ", supervisors.keySet())));
        }
        return s;
    }

    /** The health of instance {@code name}, or null when it has none now. */
    HealthMonitor health(String name) {
        return name == null || name.isBlank() ? health : monitors.get(name.strip());
    }

    @Activate
    public Services(BundleContext context) {
        this.oneShot = "exec".equals(context.getProperty("talkhost.launch.mode"));
    }

    Services(boolean oneShot) {
        this.oneShot = oneShot;
    }

    /** A one-shot run ({@code ./talkhost --exec}) does what a long-running host does first. */
    boolean oneShot() {
        return oneShot;
    }

    Supervisor supervisor() {
        return need(supervisor, "process");
    }

    AllTalkClient client() {
        return need(client, "connection");
    }

    Speaker speaker() {
        return need(speaker, "audio");
    }

    HealthMonitor health() {
        return need(health, "health");
    }

    PortManager ports() {
        return need(ports, "ports");
    }

    Doctor doctor() {
        return need(doctor, "environment");
    }

    Metrics metrics() {
        return need(metrics, "logging");
    }

    ConfigurationAdmin configAdmin() {
        return need(configAdmin, "configuration");
    }

    /** Makes sure AllTalk runs (detect, adopt or start, as configured) and says so when it cannot. */
    RunState ensureRunning() {
        RunState state = supervisor().ensureRunning(NoticeListener.NONE);
        if (!state.ready()) {
            throw new IllegalStateException(state.explanation());
        }
        return state;
    }

    private static <T> T need(T service, String part) {
        if (service == null) {
            throw new IllegalStateException(ShellCatalog.TEXT.text("shell.partMissing", part));
        }
        return service;
    }
}
