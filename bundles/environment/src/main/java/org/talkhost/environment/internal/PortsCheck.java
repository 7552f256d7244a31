package org.talkhost.environment.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.EnvironmentCheck;
import org.talkhost.api.environment.EnvironmentContext;
import org.talkhost.api.ports.PortHolder;
import org.talkhost.api.ports.PortManager;
import org.talkhost.api.ports.PortStatus;

/** The candidate ports and who holds them, from the ports component when it runs. Never blocking. */
@Component(property = CheckOrder.PORTS)
public final class PortsCheck implements EnvironmentCheck {
    static final String ID = "ports";

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PortManager ports;

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
        PortManager manager = ports;
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
