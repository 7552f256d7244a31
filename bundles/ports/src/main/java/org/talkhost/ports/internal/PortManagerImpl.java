package org.talkhost.ports.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.InstanceIdentity;
import org.talkhost.api.config.Instances;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.notice.Messages;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.ports.PortChoice;
import org.talkhost.api.ports.PortHolder;
import org.talkhost.api.ports.PortManager;
import org.talkhost.api.ports.PortStatus;
import org.talkhost.common.Notices;
import org.talkhost.common.Threads;

/** Which port AllTalk gets: 7851, then 7852, then the configured extras; the choice explained and saved. */
@Component(
        service = PortManager.class,
        configurationPid = Instances.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class PortManagerImpl implements PortManager {
    private static final Logger LOG = LoggerFactory.getLogger(PortManagerImpl.class);
    static final int STANDARD_PORT = 7851;
    /** The second standard port, and AllTalk v2's web page port. */
    static final int STANDARD_UI_PORT = 7852;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OperationsLog operationsLog;

    private final Messages messages = PortsCatalog.TEXT;
    private final PortInspector inspector = new PortInspector(messages);
    private final PortPlanner planner = new PortPlanner(messages);
    private final ExecutorService pool = Executors.newCachedThreadPool(Threads.named("talkhost-ports"));
    private final ConfigurationAdmin configAdmin;
    private final int standardPort;
    private final int standardUiPort;
    private final ConfigFileWriter files;
    private final PortClaims claims;
    private final String instance;
    private final String sourcePid;
    private volatile AllTalkSettings settings;

    @Activate
    public PortManagerImpl(
            @Reference ConfigurationAdmin configAdmin,
            @Reference PortClaims claims,
            AllTalkSettings settings,
            InstanceIdentity instance) {
        this(configAdmin, settings, STANDARD_PORT, STANDARD_UI_PORT, claims, instance);
    }

    PortManagerImpl(ConfigurationAdmin configAdmin, AllTalkSettings settings, int standardPort, int standardUiPort) {
        this(configAdmin, settings, standardPort, standardUiPort, new PortClaims(), null);
    }

    /** Tests give their own "standard" ports, so that they never touch 7851 and 7852. */
    PortManagerImpl(
            ConfigurationAdmin configAdmin,
            AllTalkSettings settings,
            int standardPort,
            int standardUiPort,
            PortClaims claims,
            InstanceIdentity instance) {
        this.configAdmin = configAdmin;
        this.claims = claims;
        this.instance = instance == null ? Instances.DEFAULT : instance.talkhost_instance();
        this.sourcePid = instance == null ? AllTalkSettings.PID : instance.talkhost_source_pid();
        this.standardPort = standardPort;
        this.standardUiPort = standardUiPort;
        this.files = new ConfigFileWriter(messages, this::tell, this::operations);
        configure(settings);
    }

    @Modified
    void configure(AllTalkSettings settings) {
        this.settings = settings;
        // only ports of this machine can collide; an instance elsewhere keeps nothing here
        claims.candidates(instance, ServerAddress.onThisMachine(settings.host()) ? candidates(settings) : List.of());
    }

    @Deactivate
    void stop() {
        claims.forget(instance);
        pool.shutdownNow();
        inspector.close();
    }

    @Override
    public List<PortStatus> survey() {
        AllTalkSettings s = settings;
        Duration timeout = timeout(s);
        List<Integer> ports = candidates(s);
        List<Future<PortStatus>> checks = new ArrayList<>();
        ports.forEach(p -> checks.add(pool.submit(() -> inspect(s, p, timeout))));
        List<PortStatus> out = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            out.add(await(checks.get(i), ports.get(i), timeout));
        }
        return out;
    }

    @Override
    public PortChoice choose(ServerKind flavour) {
        AllTalkSettings s = settings;
        Duration timeout = timeout(s);
        PortChoice choice;
        synchronized (claims) { // two instances starting at once never choose the same port
            choice = planner.plan(
                    survey(),
                    hasWebPage(flavour, s) ? standardUiPort : 0,
                    port -> inspect(s, port, timeout),
                    this::keptForAnother);
            if (choice.found()) {
                claims.claim(instance, choice.port(), choice.uiPort());
            }
        }
        String survey =
                choice.survey().stream().map(p -> p.port() + "=" + p.holder()).collect(Collectors.joining(", "));
        operations()
                .log(
                        choice.found() ? OperationsLog.Level.INFO : OperationsLog.Level.ERROR,
                        "Port choice for {}: port {}, web page port {}; candidates [{}]; {}",
                        flavour,
                        choice.port(),
                        choice.uiPort(),
                        survey,
                        choice.reason());
        LOG.info(
                "Port choice for {}: port {}, web page port {}; candidates [{}]",
                flavour,
                choice.port(),
                choice.uiPort(),
                survey);
        if (!choice.found()) {
            tell(Notice.error("ports", "reason.none", choice.reason()));
        }
        return choice;
    }

    @Override
    public boolean stillFree(int port) {
        AllTalkSettings s = settings;
        PortStatus status = inspect(s, port, timeout(s));
        if (!status.isFree()) {
            operations().warning("Port {} is no longer free just before the start: {}", port, status.explanation());
        }
        return status.isFree();
    }

    @Override
    public String persist(PortChoice choice, Path allTalkDir, ServerKind flavour) {
        if (choice == null || !choice.found()) {
            return messages.text("persist.nothing");
        }
        List<String> said = new ArrayList<>();
        said.add(saveHostSetting(choice.port()));
        if (allTalkDir != null) {
            said.add(files.write(allTalkDir, layout(flavour, settings), choice.port(), choice.uiPort()));
        }
        return String.join(" ", said);
    }

    private String saveHostSetting(int port) {
        try {
            if (!HostPortSetting.save(configAdmin, sourcePid, port)) {
                return messages.text("persist.host.same", port);
            }
            operations().info("Saved port {} in TalkHost's configuration {}", port, sourcePid);
            return messages.text("persist.host.saved", port);
        } catch (Exception e) {
            LOG.warn("Port {} could not be saved in configuration {}", port, sourcePid, e);
            operations()
                    .error("Could not save port {} in TalkHost's configuration {}: {}", port, sourcePid, e.toString());
            Notice notice = messages.warning("persist.host.failed", port);
            tell(notice);
            return notice.text();
        }
    }

    /**
     * The candidates in order: the configured ones ({@code ports}, by default 7851 then 7852, then any
     * extras the user added); the two standard ports only when none is configured.
     */
    List<Integer> candidates(AllTalkSettings s) {
        Set<Integer> out = new LinkedHashSet<>();
        for (int p : s.ports() == null ? new int[0] : s.ports()) {
            if (p > 0 && p <= 65535) {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            out.addAll(List.of(standardPort, standardUiPort));
        }
        return List.copyOf(out);
    }

    /** AllTalk v2 opens its web page too; so does the stand-in imitating v2 unless told not to. */
    static boolean hasWebPage(ServerKind flavour, AllTalkSettings s) {
        return flavour == ServerKind.V2
                || flavour == ServerKind.STANDIN
                        && isV2(s.standinFlavor())
                        && !s.standinArgs().contains("--no-ui");
    }

    static ConfigNewJson.Layout layout(ServerKind flavour, AllTalkSettings s) {
        if (flavour == ServerKind.V1 || flavour == ServerKind.V2) {
            return flavour == ServerKind.V1 ? ConfigNewJson.Layout.V1 : ConfigNewJson.Layout.V2;
        }
        if (flavour == ServerKind.STANDIN) {
            return isV2(s.standinFlavor()) ? ConfigNewJson.Layout.V2 : ConfigNewJson.Layout.V1;
        }
        return ConfigNewJson.Layout.AS_FOUND;
    }

    private static boolean isV2(String flavour) {
        return flavour == null || !flavour.trim().toLowerCase(Locale.ROOT).equals("v1");
    }

    private PortStatus await(Future<PortStatus> check, int port, Duration timeout) {
        try {
            return check.get(timeout.toMillis() * 2 + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Check of port {} did not finish", port, e);
        }
        check.cancel(true);
        return new PortStatus(port, PortHolder.UNBINDABLE, messages.text("status.silent"));
    }

    /** A port another instance of this host chose is taken, whatever answers there now. */
    private PortStatus inspect(AllTalkSettings s, int port, Duration timeout) {
        Optional<String> owner = claims.heldByAnother(port, instance);
        if (owner.isPresent()) {
            return new PortStatus(port, PortHolder.OTHER_INSTANCE, messages.text("status.instance", owner.get()));
        }
        return inspector.inspect(s.host(), port, timeout);
    }

    /** For a web page: a port that another instance chose or may choose for its API; else null. */
    private PortStatus keptForAnother(int port) {
        return claims.heldByAnother(port, instance)
                .or(() -> claims.neededByAnother(port, instance))
                .map(owner -> new PortStatus(port, PortHolder.OTHER_INSTANCE, messages.text("status.instance", owner)))
                .orElse(null);
    }

    private static Duration timeout(AllTalkSettings s) {
        return Duration.ofMillis((long) (Math.max(0.05, Math.min(10, s.healthTimeoutSeconds())) * 1000));
    }

    private OperationsLog operations() {
        OperationsLog log = operationsLog;
        return (log == null ? OperationsLog.NONE : log).about(instance);
    }

    private void tell(Notice notice) {
        Notices.post(events, notice.about(instance));
    }
}
