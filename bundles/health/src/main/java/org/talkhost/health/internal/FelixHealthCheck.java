package org.talkhost.health.internal;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talkhost.api.health.HealthMonitor;
import org.talkhost.api.health.HealthStatus;

/**
 * AllTalk's health as a Felix Health Check, for systems that run the Felix Health Check framework.
 * Disabled by default: {@link HealthCheckEnabler} turns it on only when the Health Check API is
 * deployed, so TalkHost never requires it (the import is optional).
 */
@Component(
        service = HealthCheck.class,
        enabled = false,
        property = {
            HealthCheck.NAME + "=AllTalk (TalkHost)",
            HealthCheck.TAGS + "=talkhost",
            HealthCheck.TAGS + "=alltalk",
            HealthCheckEnabler.MARKER + "=true"
        })
public final class FelixHealthCheck implements HealthCheck {
    private final HealthMonitor monitor;

    @Activate
    public FelixHealthCheck(@Reference HealthMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Result execute() {
        HealthStatus s = monitor.current();
        String text = "AllTalk is " + s.state().words() + ". " + s.explanation();
        switch (s.state()) {
            case READY:
            case BUSY:
                return new Result(Result.Status.OK, text);
            case DOWN:
                return new Result(Result.Status.CRITICAL, text);
            default:
                return new Result(Result.Status.WARN, text);
        }
    }
}
