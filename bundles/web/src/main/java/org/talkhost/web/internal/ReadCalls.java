package org.talkhost.web.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.talkhost.api.environment.CheckResult;
import org.talkhost.api.environment.DoctorReport;
import org.talkhost.api.gateway.GatewayStatus;
import org.talkhost.api.gateway.InstanceLoad;
import org.talkhost.api.health.HealthMonitor;
import org.talkhost.api.health.HealthStatus;
import org.talkhost.api.health.HealthTransition;
import org.talkhost.api.logging.OperationStats;
import org.talkhost.api.ports.PortStatus;
import org.talkhost.api.process.RunState;
import org.talkhost.common.FileTail;

/** The API's reading calls: each answers a map or list that becomes its JSON. */
final class ReadCalls {

    private final HostServices services;
    private final EventHub hub;
    private final Sampler sampler;

    ReadCalls(HostServices services, EventHub hub, Sampler sampler) {
        this.services = services;
        this.hub = hub;
        this.sampler = sampler;
    }

    Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>(state(services.supervisor().state()));
        services.supervisor().resources().ifPresent(r -> {
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("residentBytes", r.residentBytes());
            res.put("cpuPercent", Math.round(r.cpuPercent() * 10) / 10.0);
            res.put("gpuMemoryBytes", r.gpuMemoryBytes());
            res.put("processes", r.processes());
            m.put("resources", res);
        });
        HealthMonitor health = services.health;
        if (health != null) {
            m.put("health", health(health.current()));
        }
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("pid", ProcessHandle.current().pid());
        host.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        host.put("restarts", sampler.restarts());
        m.put("talkhost", host);
        GatewayStatus gateway = services.gateway;
        if (gateway != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("address", gateway.address());
            g.put("serving", gateway.serving());
            g.put("explanation", gateway.explanation());
            g.put("served", gateway.served());
            g.put("held", gateway.held());
            g.put("refused", gateway.refused());
            g.put("waiting", gateway.waiting());
            m.put("gateway", g);
            List<Map<String, Object>> instances = new java.util.ArrayList<>();
            for (InstanceLoad l : gateway.instances()) {
                Map<String, Object> i = new LinkedHashMap<>();
                i.put("name", l.name());
                i.put("kind", l.kind());
                i.put("where", l.where());
                i.put("state", l.state());
                i.put("ready", l.ready());
                i.put("inFlight", l.inFlight());
                i.put("served", l.served());
                i.put("weight", l.weight());
                instances.add(i);
            }
            m.put("instances", instances);
        }
        m.put("notices", hub.recentNotices(10));
        return m;
    }

    static Map<String, Object> state(RunState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.phase().name());
        m.put("ready", s.ready());
        m.put("words", s.ready() ? "Ready" : words(s.phase().name()));
        m.put("explanation", s.explanation());
        m.put("mode", s.mode() == null ? null : s.mode().name());
        m.put("kind", s.kind() == null ? null : s.kind().name());
        m.put("kindWords", s.kind() == null ? null : s.kind().words());
        m.put("address", s.address() == null ? null : s.address().toString());
        m.put("port", s.address() == null ? null : s.address().port());
        m.put("pid", s.pid());
        m.put("startedByUs", s.startedByUs());
        m.put("since", s.since() == null ? null : s.since().toString());
        if (s.pid() > 0) {
            Instant started = ProcessHandle.of(s.pid())
                    .flatMap(h -> h.info().startInstant())
                    .orElse(s.since());
            m.put(
                    "uptimeSeconds",
                    started == null
                            ? null
                            : Duration.between(started, Instant.now()).toSeconds());
        }
        return m;
    }

    private static String words(String phase) {
        String w = phase.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    static Map<String, Object> health(HealthStatus h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", h.state().name());
        m.put("words", h.state().words());
        m.put("since", h.since() == null ? null : h.since().toString());
        m.put(
                "lastLatencyMillis",
                h.lastLatency() == null ? null : h.lastLatency().toNanos() / 1e6);
        m.put("consecutiveFailures", h.consecutiveFailures());
        m.put("explanation", h.explanation());
        return m;
    }

    Map<String, Object> health() {
        HealthMonitor monitor = services.health();
        Map<String, Object> m = new LinkedHashMap<>(health(monitor.current()));
        List<Map<String, Object>> history = new ArrayList<>();
        for (HealthTransition t : monitor.history()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("time", t.time().toString());
            h.put("from", t.from().name());
            h.put("to", t.to().name());
            h.put("reason", t.reason());
            history.add(h);
        }
        m.put("history", history);
        m.put("samples", sampler.samples());
        return m;
    }

    Map<String, Object> voices() {
        return Map.of("voices", services.client().voices());
    }

    List<Map<String, Object>> ports() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PortStatus p : services.ports().survey()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("port", p.port());
            m.put("holder", p.holder().name());
            m.put("free", p.isFree());
            m.put("explanation", p.explanation());
            out.add(m);
        }
        return out;
    }

    Map<String, Object> doctor(boolean fresh) {
        DoctorReport report = services.doctor().examine(fresh);
        List<Map<String, Object>> checks = new ArrayList<>();
        for (CheckResult r : report.results()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("title", r.title());
            m.put("status", r.status().name());
            m.put("message", r.message());
            m.put("fix", r.fix());
            m.put("blocking", r.blocking());
            checks.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blocking", report.blocking());
        m.put("tookMillis", report.took().toMillis());
        m.put("checks", checks);
        return m;
    }

    List<Map<String, Object>> metrics() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (OperationStats s : services.metrics().snapshot()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operation", s.operation());
            m.put("count", s.count());
            m.put("failures", s.failures());
            m.put("p50Millis", s.p50Millis());
            m.put("p95Millis", s.p95Millis());
            m.put("p99Millis", s.p99Millis());
            m.put("maxMillis", s.maxMillis());
            out.add(m);
        }
        return out;
    }

    /** The last {@code lines} lines of {@code file} (the operations log), oldest first. */
    static Map<String, Object> log(Path file, int lines) {
        if (lines < 1 || lines > 10_000) {
            throw new IllegalArgumentException("Ask for between 1 and 10000 lines, not " + lines + ".");
        }
        return Map.of("file", file.toString(), "lines", FileTail.last(file, "", lines));
    }

    /** The operations log where it is written now (it follows its {@code folder} setting). */
    Map<String, Object> log(int lines) {
        Optional<Path> file = services.operationsLog().file();
        return file.isPresent() ? log(file.get(), lines) : Map.of("file", "", "lines", List.of());
    }
}
