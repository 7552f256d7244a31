package org.talkhost.environment.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.talkhost.api.config.Instances;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.EnvironmentCheck;
import org.talkhost.api.environment.EnvironmentContext;
import org.talkhost.api.ports.PortHolder;
import org.talkhost.api.ports.PortManager;
import org.talkhost.api.ports.PortStatus;

/**
 * The candidate ports and who holds them, from the ports component of the instance examined (each instance has its
 * own candidates, and a port another instance chose is "kept" only from the others' point of view). Never blocking.
 */
@Component(property = CheckOrder.PORTS)
public final class PortsCheck implements EnvironmentCheck {
    static final String ID = "ports";

    /** Every instance's port manager, by instance name. */
    private final Map<String, PortManager> managers = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPorts(PortManager manager, Map<String, Object> props) {
        managers.put(Instances.name(props.get(Instances.NAME)), manager);
    }

    void removePorts(PortManager manager, Map<String, Object> props) {
        managers.remove(Instances.name(props.get(Instances.NAME)), manager);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Findings.title(ID);
    }

    @Override
    public CheckResult run(EnvironmentContext context) {
        PortManager manager = managers.get(context.instance());
        if (manager == null) {
            return Findings.skipped(this, "ports.absent");
        }
        List<PortStatus> survey = manager.survey();
        if (survey.isEmpty()) {
            return Findings.warn(this, "ports.none");
        }
        String summary =
                survey.stream().map(s -> s.port() + " " + s.explanation()).collect(Collectors.joining("; "));
        boolean usable =
                survey.stream().anyMatch(s -> s.holder() == PortHolder.FREE || s.holder() == PortHolder.ALLTALK);
        return usable ? Findings.ok(this, "ports.ok", summary) : Findings.warn(this, "ports.taken", summary);
    }
}
