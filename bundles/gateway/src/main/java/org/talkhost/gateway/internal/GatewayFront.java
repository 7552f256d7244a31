package org.talkhost.gateway.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.gateway.GatewayStatus;

/**
 * The gateway's settings, and the only component that takes them: it is no DS service, so none of its
 * settings (the token!) becomes a service property; it registers {@link GatewayStatus} and itself by
 * hand, without properties. It applies the settings: the shared HTTP runtime ({@code org.apache.felix.http}) is kept on
 * the gateway's port and address through Config Admin, and the servlet is switched on only when the
 * settings are safe (another computer may reach a non-loopback address: then a token is required).
 * Reports what it did as {@link GatewayStatus}.
 */
@Component(service = {}, immediate = true, configurationPid = GatewayStatus.PID)
@Designate(ocd = GatewayConfig.class)
public final class GatewayFront implements GatewayStatus {
    static final String RUNTIME_PID = "org.apache.felix.http";
    static final String RUNTIME_PORT = "org.osgi.service.http.port";
    static final String RUNTIME_HOST = "org.apache.felix.http.host";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayFront.class);

    private final ComponentContext context;
    private final ConfigurationAdmin configAdmin;
    private final Traffic traffic;
    private final Pool pool;
    private volatile GatewayConfig config;
    private volatile boolean serving;
    private volatile String explanation = "";
    private final java.util.List<org.osgi.framework.ServiceRegistration<?>> registrations = new java.util.ArrayList<>();

    @Activate
    public GatewayFront(ComponentContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference Traffic traffic, @Reference Pool pool, GatewayConfig config) {
        this.context = context;
        this.pool = pool;
        this.configAdmin = configAdmin;
        this.traffic = traffic;
        configure(config);
        registrations.add(context.getBundleContext().registerService(GatewayStatus.class, this, null));
        registrations.add(context.getBundleContext().registerService(GatewayFront.class, this, null));
    }

    @Override
    public java.util.List<org.talkhost.api.gateway.InstanceLoad> instances() {
        return pool.members().stream().map(AllTalkWhere::load).toList();
    }

    /** The settings in force. */
    GatewayConfig config() {
        return config;
    }

    @Modified
    void configure(GatewayConfig c) {
        this.config = c;
        String bind = c.bindAddress() == null || c.bindAddress().isBlank() ? "127.0.0.1" : c.bindAddress().strip();
        if (!loopback(bind) && (c.token() == null || c.token().isBlank())) {
            serving = false;
            explanation = "The gateway did not start: it was asked to listen on " + bind + ", which other computers "
                    + "can reach, but no token is set. Set token in config/org.talkhost.gateway.config (callers send "
                    + "it as 'Authorization: Bearer TOKEN'), or set bindAddress back to 127.0.0.1.";
            LOG.error("{}", explanation);
            context.disableComponent(GatewayServlet.class.getName());
            return;
        }
        keepRuntimeOn(bind, c.port());
        serving = true;
        explanation = "The gateway answers on " + address() + (c.token() == null || c.token().isBlank() ? ""
                : " (callers need the token)") + ".";
        LOG.info("{}", explanation);
        context.enableComponent(GatewayServlet.class.getName());
    }

    @Deactivate
    void stop() {
        for (org.osgi.framework.ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // gone with the bundle already
            }
        }
    }

    /** Updates the HTTP runtime's configuration when its port or address differ from the gateway's. */
    private void keepRuntimeOn(String bind, int port) {
        try {
            Configuration runtime = configAdmin.getConfiguration(RUNTIME_PID, "?");
            Dictionary<String, Object> props = runtime.getProperties();
            if (props != null && Objects.equals(String.valueOf(props.get(RUNTIME_PORT)), String.valueOf(port))
                    && Objects.equals(props.get(RUNTIME_HOST), bind)) {
                return;
            }
            Dictionary<String, Object> next = props == null ? new Hashtable<>() : props;
            next.put(RUNTIME_PORT, port);
            next.put(RUNTIME_HOST, bind);
            runtime.update(next);
            LOG.info("HTTP runtime moved to {}:{} to follow the gateway's settings", bind, port);
        } catch (IOException | RuntimeException e) {
            LOG.error("The gateway could not move the HTTP runtime to {}:{}: {}", bind, port, e.toString());
        }
    }

    static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String address() {
        GatewayConfig c = config;
        String bind = c.bindAddress() == null || c.bindAddress().isBlank() ? "127.0.0.1" : c.bindAddress().strip();
        return "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + c.port();
    }

    @Override
    public boolean serving() {
        return serving;
    }

    @Override
    public String explanation() {
        return explanation;
    }

    @Override
    public long served() {
        return traffic.served();
    }

    @Override
    public long held() {
        return traffic.held();
    }

    @Override
    public long refused() {
        return traffic.refused();
    }

    @Override
    public int waiting() {
        return traffic.waiting();
    }
}
