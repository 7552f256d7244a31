package org.talkhost.web.internal;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.talkhost.api.audio.Speaker;
import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.environment.Doctor;
import org.talkhost.api.gateway.GatewayStatus;
import org.talkhost.api.health.HealthMonitor;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.ports.PortManager;
import org.talkhost.api.process.Supervisor;
import org.talkhost.common.PartMissing;

/**
 * The TalkHost services the control API ({@link ApiServlet} and its calls) reads and drives, each optional
 * and swappable: while a part is away (its bundle is being updated, say) a call that needs it answers 503
 * with a plain sentence. The metrics servlet and the sampler hold their own few references.
 */
@Component(service = HostServices.class, immediate = true)
public final class HostServices {
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Supervisor supervisor;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HealthMonitor health;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AllTalkClient client;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PortManager ports;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Doctor doctor;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Metrics metrics;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Speaker speaker;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConfigurationAdmin configAdmin;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile CommandProcessor commands;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile GatewayStatus gateway;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OperationsLog operationsLog;

    Supervisor supervisor() {
        return need(supervisor, "process");
    }

    HealthMonitor health() {
        return need(health, "health");
    }

    AllTalkClient client() {
        return need(client, "connection");
    }

    PortManager ports() {
        return need(ports, "ports");
    }

    Doctor doctor() {
        return need(doctor, "environment");
    }

    Metrics metrics() {
        Metrics m = metrics;
        return m == null ? Metrics.NONE : m;
    }

    OperationsLog operationsLog() {
        return need(operationsLog, "logging");
    }

    Speaker speaker() {
        return need(speaker, "audio");
    }

    ConfigurationAdmin configAdmin() {
        return need(configAdmin, "configuration");
    }

    CommandProcessor commands() {
        return need(commands, "command console");
    }

    private static <T> T need(T service, String part) {
        return PartMissing.need(
                service,
                () -> "TalkHost's " + part + " part is not running right now (it may be "
                        + "being updated). Try again in a few seconds.");
    }
}
