package org.talkhost.gateway.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.gateway.GatewayStatus;
import org.talkhost.common.Threads;

/**
 * The gateway's settings, and the only component that takes them: it is no DS service, so none of its
 * settings (the token!) becomes a service property; it registers {@link GatewayStatus} and itself by
 * hand, without properties. It applies the settings: the shared HTTP runtime ({@code org.apache.felix.http}) is kept on
 * the gateway's port and address through Config Admin, and the servlet is switched on only when the
 * settings are safe (another computer may reach a non-loopback address: then a token is required).
 * It serves once the runtime says it listens there; when another program holds the port (a second
 * TalkHost), it says so in one plain message. Reports what it did as {@link GatewayStatus}.
 */
@Component(
        service = {},
        immediate = true,
        configurationPid = GatewayStatus.PID)
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
    /** The address ({@code bind:port}) last checked, null when none is. */
    private volatile String expected;

    private final List<org.osgi.framework.ServiceRegistration<?>> registrations = new ArrayList<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Threads.named("talkhost-gateway-listen"));
    private final ListenCheck listening = new ListenCheck(timer, this::endpoints, this::found);

    /** The HTTP runtimes' service properties (their endpoints tell where they listen). */
    @Reference(
            service = HttpServiceRuntime.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map<String, Object>> runtimes;

    @Activate
    public GatewayFront(
            ComponentContext context,
            @Reference ConfigurationAdmin configAdmin,
            @Reference Traffic traffic,
            @Reference Pool pool,
            GatewayConfig config) {
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
        String bind = c.bindAddress() == null || c.bindAddress().isBlank()
                ? "127.0.0.1"
                : c.bindAddress().strip();
        if (!loopback(bind) && (c.token() == null || c.token().isBlank())) {
            serving = false;
            explanation = "The gateway did not start: it was asked to listen on " + bind + ", which other computers "
                    + "can reach, but no token is set. Set token in config/org.talkhost.gateway.config (callers send "
                    + "it as 'Authorization: Bearer TOKEN'), or set bindAddress back to 127.0.0.1.";
            LOG.error("{}", explanation);
            listening.stop();
            expected = null;
            context.disableComponent(GatewayServlet.class.getName());
            return;
        }
        keepRuntimeOn(bind, c.port());
        context.enableComponent(GatewayServlet.class.getName());
        String where = bind + ":" + c.port();
        if (where.equals(expected)) {
            if (serving) {
                explanation = answering(c);
            }
            return; // the same address: what the check found still holds
        }
        expected = where;
        serving = false;
        explanation = "The gateway is starting on " + address() + ".";
        listening.expect(bind, c.port());
    }

    private String answering(GatewayConfig c) {
        return "The gateway answers on " + address()
                + (c.token() == null || c.token().isBlank() ? "" : " (callers need the token)") + ".";
    }

    /** What the listen check found for the address in force. */
    private void found(ListenCheck.Found f) {
        GatewayConfig c = config;
        if (f == ListenCheck.Found.LISTENING) {
            serving = true;
            explanation = answering(c);
            LOG.info("{}", explanation);
        } else {
            serving = false;
            explanation = "The gateway cannot answer on " + address() + ": another program already uses port "
                    + c.port() + " (probably another TalkHost; front-ends can keep using that one). This TalkHost "
                    + "keeps AllTalk running, but front-ends cannot reach it through this TalkHost. Stop the other "
                    + "program and start TalkHost again, or set port in config/org.talkhost.gateway.config to a "
                    + "free one.";
            LOG.error("{}", explanation);
        }
    }

    private List<String> endpoints() {
        List<String> out = new ArrayList<>();
        List<Map<String, Object>> all = runtimes;
        if (all != null) {
            for (Map<String, Object> r : all) {
                Object e = r.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
                if (e instanceof String s) {
                    out.add(s);
                } else if (e instanceof String[] a) {
                    out.addAll(List.of(a));
                } else if (e instanceof java.util.Collection<?> col) {
                    col.forEach(x -> out.add(String.valueOf(x)));
                }
            }
        }
        return out;
    }

    @Deactivate
    void stop() {
        listening.stop();
        timer.shutdownNow();
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
            if (props != null
                    && Objects.equals(String.valueOf(props.get(RUNTIME_PORT)), String.valueOf(port))
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
        String bind = c.bindAddress() == null || c.bindAddress().isBlank()
                ? "127.0.0.1"
                : c.bindAddress().strip();
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
