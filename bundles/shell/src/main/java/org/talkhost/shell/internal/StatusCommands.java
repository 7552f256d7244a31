package org.talkhost.shell.internal;

import static org.talkhost.shell.internal.ShellCatalog.TEXT;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.talkhost.api.config.Mode;
import org.talkhost.api.health.HealthMonitor;
import org.talkhost.api.health.HealthStatus;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.ResourceUsage;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

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

    private final NoticeConsole notices;
    /** A one-shot run ({@code ./talkhost --exec}) does what a long-running host does first. */
    private final boolean oneShot;

    @Activate
    public StatusCommands(@Reference NoticeConsole notices, BundleContext context) {
        this(notices, "exec".equals(context.getProperty("talkhost.launch.mode")));
    }

    StatusCommands(NoticeConsole notices, boolean oneShot) {
        this.notices = notices;
        this.oneShot = oneShot;
    }

    private Supervisor supervisor() {
        return Needs.need(supervisor, "process");
    }

    @Descriptor("Show whether AllTalk is ready: where, which kind, its process, health, resources and recent notices. "
            + "Exit status 0 when ready (for scripts: ./talkhost --exec alltalk:status).")
    public String status(CommandSession session) {
        RunState state = oneShot
                ? supervisor().ensureRunning(NoticeListener.NONE)
                : supervisor().state();
        session.put(EXIT, state.ready() ? 0 : 1);
        return describe(state);
    }

    @Descriptor("Start AllTalk, or adopt the one already running; waits until it is ready")
    public String start(CommandSession session) {
        RunState state = supervisor().start(NoticeListener.NONE);
        session.put(EXIT, state.ready() ? 0 : 1);
        return describe(state);
    }

    @Descriptor("Stop AllTalk, also one that TalkHost did not start itself")
    public String stop() {
        return supervisor().stop(NoticeListener.NONE);
    }

    @Descriptor("Stop AllTalk and start it again; waits until it is ready")
    public String restart(CommandSession session) {
        RunState state = supervisor().restart(NoticeListener.NONE);
        session.put(EXIT, state.ready() ? 0 : 1);
        return describe(state);
    }

    String describe(RunState s) {
        StringBuilder b = new StringBuilder();
        b.append(s.ready() ? TEXT.text("status.ready", s.address()) : TEXT.text("status.notReady", s.explanation()))
                .append('\n');
        if (s.address() != null) {
            b.append(INDENT)
                    .append(TEXT.text("status.kind", s.kind().words() + " at http://" + s.address()))
                    .append('\n');
        }
        b.append(INDENT)
                .append(TEXT.text("status.mode", mode(s.mode()) + ", " + TEXT.text(origin(s))))
                .append('\n');
        Optional<ResourceUsage> res = supervisor().resources();
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
        HealthMonitor health = this.health;
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
        var recent = notices.recent(5);
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
        return s.phase() == Phase.DETECTING || s.phase() == Phase.STARTING || s.phase() == Phase.RESTARTING
                ? "status.looking"
                : "status.notRunning";
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
