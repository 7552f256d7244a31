package org.talkhost.shell.internal;

import static org.talkhost.shell.internal.ShellCatalog.TEXT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.talkhost.api.config.Mode;
import org.talkhost.api.gateway.GatewayStatus;
import org.talkhost.api.gateway.InstanceLoad;
import org.talkhost.api.health.HealthMonitor;
import org.talkhost.api.health.HealthStatus;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.ResourceUsage;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;
import org.talkhost.common.LaunchMode;
import org.talkhost.common.Threads;

/** {@code alltalk:status}, {@code start}, {@code stop}, {@code restart}. */
@Component(
        service = StatusCommands.class,
        immediate = true,
        property = {
            "osgi.command.scope=alltalk",
            "osgi.command.function=status",
            "osgi.command.function=start",
            "osgi.command.function=stop",
            "osgi.command.function=restart"
        })
public final class StatusCommands {
    /** Session variable the launcher reads as the exit status of a one-shot run. */
    static final String EXIT = "talkhost.exit";

    private static final String INDENT = "  ";
    static final String INSTANCE = "--instance";

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
    volatile GatewayStatus gateway;

    /** "AllTalk is stopped: ..." in a gateway's reason: the phase word. */
    private static final Pattern PHASE_WORD = Pattern.compile("^AllTalk is (\\w+):");

    /** Every instance's Supervisor and health monitor, for {@code --instance NAME} and the table of instances. */
    final InstanceServices instances;

    private final NoticeConsole notices;
    /** A one-shot run ({@code ./talkhost --exec}): status brings AllTalk up first (nothing else started it). */
    private final boolean oneShot;
    /** How long a one-shot status looks for an AllTalk that TalkHost does not start ({@link #upForOneShot}). */
    static final Duration ONE_LOOK = Duration.ofSeconds(3);

    @Activate
    public StatusCommands(
            @Reference NoticeConsole notices, @Reference InstanceServices instances, BundleContext context) {
        this(notices, instances, LaunchMode.oneShot(context));
    }

    StatusCommands(NoticeConsole notices, InstanceServices instances, boolean oneShot) {
        this.notices = notices;
        this.instances = instances;
        this.oneShot = oneShot;
    }

    StatusCommands(NoticeConsole notices, boolean oneShot) {
        this(notices, new InstanceServices(), oneShot);
    }

    /** The Supervisor of instance {@code name}; the default instance's when {@code name} is empty. */
    private Supervisor supervisorOf(String name) {
        return instances.supervisors.of(name, supervisor, "process");
    }

    /** The health of instance {@code name}, or null when it has none now. */
    private HealthMonitor healthOf(String name) {
        return instances.monitors.get(name, health);
    }

    @Descriptor("Show whether AllTalk is ready: where, which kind, its process, health, resources and recent notices. "
            + "Exit status 0 when ready (for scripts: ./talkhost --exec alltalk:status).")
    public String status(
            CommandSession session,
            @Descriptor("only this AllTalk instance (default: the default instance, then a table of all)")
                    @Parameter(names = INSTANCE, absentValue = "")
                    String instance) {
        Supervisor supervisor = supervisorOf(instance);
        RunState state = oneShot ? upForOneShot(supervisor, ONE_LOOK) : supervisor.state();
        session.put(EXIT, state.ready() ? 0 : 1);
        String about = describe(state, supervisor, healthOf(instance), instance);
        if (oneShot && !state.ready() && state.mode() == Mode.EXTERNAL) {
            about = about.stripTrailing() + "\n" + TEXT.text("status.oneShotLooked") + "\n";
        }
        return instance.isBlank() ? about + instanceTable() : about;
    }

    /**
     * AllTalk in a one-shot run ({@code ./talkhost --exec alltalk:status} with no TalkHost running in the folder):
     * brought up as for any command that needs it, except where TalkHost never starts it (external mode). There
     * the Supervisor would wait for it to appear, up to 2 minutes, and a status asked for while AllTalk is down
     * hung that long; nothing keeps waiting once this run ends, so it looks for {@code look} at most (one look
     * finds a running AllTalk in well under a second) and says what it found.
     */
    static RunState upForOneShot(Supervisor supervisor, Duration look) {
        RunState now = supervisor.state();
        if (now == null || now.mode() != Mode.EXTERNAL) {
            return supervisor.ensureRunning(NoticeListener.NONE);
        }
        CompletableFuture<RunState> up = CompletableFuture.supplyAsync(
                () -> supervisor.ensureRunning(NoticeListener.NONE),
                task -> Threads.named("talkhost-status-look").newThread(task).start());
        try {
            return up.get(look.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return supervisor.state(); // still waiting: the run's end stops the wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return supervisor.state();
        } catch (ExecutionException e) {
            return supervisor.state();
        }
    }

    @Descriptor("Start AllTalk, or adopt the one already running; waits until it is ready")
    public String start(
            CommandSession session,
            @Descriptor("the AllTalk instance (default: the default instance)")
                    @Parameter(names = INSTANCE, absentValue = "")
                    String instance) {
        Supervisor supervisor = supervisorOf(instance);
        RunState state = supervisor.start(NoticeListener.NONE);
        session.put(EXIT, state.ready() ? 0 : 1);
        return describe(state, supervisor, healthOf(instance), instance);
    }

    @Descriptor("Stop AllTalk, also one that TalkHost did not start itself")
    public String stop(
            @Descriptor("the AllTalk instance (default: the default instance)")
                    @Parameter(names = INSTANCE, absentValue = "")
                    String instance) {
        return supervisorOf(instance).stop(NoticeListener.NONE);
    }

    @Descriptor("Stop AllTalk and start it again; waits until it is ready")
    public String restart(
            CommandSession session,
            @Descriptor("the AllTalk instance (default: the default instance)")
                    @Parameter(names = INSTANCE, absentValue = "")
                    String instance) {
        Supervisor supervisor = supervisorOf(instance);
        RunState state = supervisor.restart(NoticeListener.NONE);
        session.put(EXIT, state.ready() ? 0 : 1);
        return describe(state, supervisor, healthOf(instance), instance);
    }

    /** Every instance in a table, when there are several (nothing for a single server). */
    String instanceTable() {
        GatewayStatus gateway = this.gateway;
        List<InstanceLoad> loads = gateway == null ? List.of() : gateway.instances();
        Set<String> names = new TreeSet<>(instances.supervisors.names());
        loads.forEach(l -> names.add(l.name()));
        if (names.size() < 2) {
            return "";
        }
        Table t = new Table("instance", "kind", "where", "state", "in flight", "served");
        for (String name : names) {
            InstanceLoad l = loads.stream()
                    .filter(x -> x.name().equals(name))
                    .findFirst()
                    .orElse(null);
            if (l != null) {
                t.row(name, l.kind(), l.where(), shortState(l), l.inFlight(), l.served());
            } else {
                RunState s = supervisorOf(name).state();
                t.row(
                        name,
                        mode(s.mode()).split(" ")[0],
                        s.address() == null ? "-" : s.address(),
                        s.phase().name().toLowerCase(java.util.Locale.ROOT),
                        "-",
                        "-");
            }
        }
        return "\n" + TEXT.text("status.instances", names.size()) + "\n"
                + t.toString().stripTrailing() + "\n" + TEXT.text("status.instances.more");
    }

    /**
     * An instance's state in one or two words for the table ("ready", "stopped", "restarting"); the whole
     * explanation is in {@code alltalk:status --instance NAME}.
     */
    static String shortState(InstanceLoad l) {
        if (l.ready()) {
            return "ready";
        }
        Matcher m = PHASE_WORD.matcher(l.state());
        if (m.find()) {
            return m.group(1);
        }
        String s = l.state();
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    String describe(RunState s) {
        return describe(s, supervisorOf(""), health, "");
    }

    /** {@code instance}: the one asked about (its notices only), or blank for the overview (every notice). */
    String describe(RunState s, Supervisor supervisor, HealthMonitor health, String instance) {
        StringBuilder b = new StringBuilder();
        b.append(s.ready() ? TEXT.text("status.ready", s.address()) : TEXT.text("status.notReady", s.explanation()))
                .append('\n');
        if (s.address() != null) {
            b.append(INDENT)
                    .append(TEXT.text(
                            "status.kind",
                            s.kind().words() + " at " + s.address().base()))
                    .append('\n');
        }
        b.append(INDENT)
                .append(TEXT.text("status.mode", mode(s.mode()) + ", " + TEXT.text(origin(s))))
                .append('\n');
        Optional<ResourceUsage> res = supervisor.resources();
        if (s.pid() > 0) {
            Instant started = ProcessHandle.of(s.pid())
                    .flatMap(h -> h.info().startInstant())
                    .orElse(s.since());
            b.append(INDENT)
                    .append(TEXT.text(
                            "status.process",
                            s.pid(),
                            s.phase().name().toLowerCase(java.util.Locale.ROOT),
                            ShortUnits.duration(Duration.between(started, Instant.now()))))
                    .append('\n');
        } else {
            b.append(INDENT)
                    .append(TEXT.text(s.hasServer() ? "status.noProcess" : "status.noneRunning"))
                    .append('\n');
        }
        if (health != null && !s.hasServer() && (s.phase() == Phase.FAILED || s.phase() == Phase.STOPPED)) {
            b.append(INDENT).append(TEXT.text("status.health.notRunning")).append('\n');
        } else if (health != null) {
            HealthStatus h = oneShot && s.ready() ? health.checkNow() : health.current();
            b.append(INDENT)
                    .append(TEXT.text(
                            "status.health",
                            h.state().words(),
                            ShortUnits.clock(h.since()),
                            h.lastLatency() == null ? "none yet" : ShortUnits.duration(h.lastLatency())))
                    .append('\n');
        }
        res.ifPresent(r -> b.append(INDENT)
                .append(TEXT.text(
                        "status.resources",
                        ShortUnits.bytes(r.residentBytes()),
                        String.format(java.util.Locale.ROOT, "%.1f %%", r.cpuPercent()),
                        ShortUnits.bytes(r.gpuMemoryBytes()),
                        r.processes()))
                .append('\n'));
        List<Notice> recent = instance == null || instance.isBlank()
                ? notices.recent(5)
                : notices.recent(Integer.MAX_VALUE).stream()
                        .filter(n -> n.instance().equals(instance.strip()))
                        .toList();
        recent = recent.subList(Math.max(0, recent.size() - 5), recent.size());
        if (!recent.isEmpty()) {
            b.append(TEXT.text("status.recent")).append('\n');
            for (Notice n : recent) {
                b.append("  ")
                        .append(ShortUnits.clock(n.time()))
                        .append("  ")
                        .append(n.text())
                        .append('\n');
            }
        }
        return b.toString().stripTrailing();
    }

    /** Who started the server; never "found already running" before there is one. */
    private static String origin(RunState s) {
        if (s.hasServer()) {
            return s.startedByUs() ? "status.startedByUs" : "status.adopted";
        }
        if (s.phase() != Phase.DETECTING && s.phase() != Phase.STARTING && s.phase() != Phase.RESTARTING) {
            return "status.notRunning";
        }
        return s.mode() == Mode.EXTERNAL ? "status.waiting" : "status.looking";
    }

    private static String mode(Mode m) {
        if (m == null) {
            return "unknown";
        }
        switch (m) {
            case STANDIN:
                return "stand-in (TalkHost's built-in AllTalk double)";
            case EXTERNAL:
                return "external (TalkHost never starts AllTalk)";
            default:
                return "managed (TalkHost starts AllTalk from its folder)";
        }
    }
}
