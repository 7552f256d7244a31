package org.talkhost.health.internal;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Enables {@link FelixHealthCheck} when the Felix Health Check API can be loaded, and only then. */
@Component(
        immediate = true,
        service = {})
public final class HealthCheckEnabler {
    /** Component property of components that are disabled on purpose until something is present. */
    static final String MARKER = "talkhost.enabledWhenPresent";

    static final String API_CLASS = "org.apache.felix.hc.api.HealthCheck";
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheckEnabler.class);

    @Activate
    void activate(ComponentContext context) {
        if (present(HealthCheckEnabler.class.getClassLoader())) {
            context.enableComponent(FelixHealthCheck.class.getName());
            LOG.info("Felix Health Check API found: AllTalk's health is also offered as a Felix health check");
        }
    }

    static boolean present(ClassLoader loader) {
        try {
            Class.forName(API_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
