package org.talkhost.web.internal;

import java.util.Locale;

import org.talkhost.api.gateway.GatewayStatus;
import org.talkhost.api.health.HealthMonitor;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.logging.OperationStats;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

/**
 * TalkHost's metrics in the Prometheus text format (version 0.0.4): up, ready, restarts, the health
 * check latency histogram, per-operation counts and latency quantiles, AllTalk's memory and CPU.
 */
final class PrometheusText {
    private final Sampler sampler;

    PrometheusText(Sampler sampler) {
        this.sampler = sampler;
    }

    /** Each service may be null (its part is away): its lines are left out. */
    String render(Supervisor supervisor, HealthMonitor health, GatewayStatus gateway, Metrics metrics) {
        StringBuilder b = new StringBuilder(4096);
        RunState state = supervisor == null ? null : supervisor.state();
        gauge(b, "talkhost_up", "1 while TalkHost runs and answers", 1);
        gauge(b, "talkhost_ready", "1 when AllTalk answers Ready", state != null && state.ready() ? 1 : 0);
        counter(
                b,
                "talkhost_restarts_total",
                "Times AllTalk was replaced by a new process while TalkHost ran",
                sampler.restarts());
        if (health != null) {
            b.append("# HELP talkhost_health_state The health state (1 for the current one)\n")
                    .append("# TYPE talkhost_health_state gauge\n");
            for (var s : org.talkhost.api.health.HealthState.values()) {
                b.append("talkhost_health_state{state=\"")
                        .append(s.name().toLowerCase(Locale.ROOT))
                        .append("\"} ")
                        .append(health.current().state() == s ? 1 : 0)
                        .append('\n');
            }
        }
        b.append(sampler.latency()
                .render("talkhost_health_check_seconds", "How long AllTalk took to answer a health check"));
        operations(b, metrics == null ? Metrics.NONE : metrics);
        if (gateway != null) {
            counter(b, "talkhost_gateway_served_total", "Requests the gateway answered", gateway.served());
            counter(b, "talkhost_gateway_held_total", "Requests that waited for AllTalk to be ready", gateway.held());
            counter(
                    b,
                    "talkhost_gateway_refused_total",
                    "Requests refused (503) because AllTalk stayed unavailable",
                    gateway.refused());
            gauge(b, "talkhost_gateway_waiting", "Requests waiting right now", gateway.waiting());
            instances(b, gateway.instances());
        }
        if (supervisor != null) {
            supervisor.resources().ifPresent(r -> {
                gauge(
                        b,
                        "talkhost_alltalk_resident_bytes",
                        "Resident memory of AllTalk's processes",
                        r.residentBytes());
                gauge(
                        b,
                        "talkhost_alltalk_cpu_percent",
                        "CPU use of AllTalk's processes, percent of one core",
                        r.cpuPercent());
            });
        }
        return b.toString();
    }

    /** One series per AllTalk instance behind the gateway: ready, requests in flight, requests served. */
    private static void instances(StringBuilder b, java.util.List<org.talkhost.api.gateway.InstanceLoad> loads) {
        if (loads.isEmpty()) {
            return;
        }
        b.append("# HELP talkhost_instance_ready 1 when the gateway sends the AllTalk instance requests now\n")
                .append("# TYPE talkhost_instance_ready gauge\n");
        loads.forEach(l -> b.append("talkhost_instance_ready{instance=\"")
                .append(label(l.name()))
                .append("\",kind=\"")
                .append(label(l.kind()))
                .append("\"} ")
                .append(l.ready() ? 1 : 0)
                .append('\n'));
        b.append("# HELP talkhost_instance_in_flight Requests the AllTalk instance is working on now\n")
                .append("# TYPE talkhost_instance_in_flight gauge\n");
        loads.forEach(l -> b.append("talkhost_instance_in_flight{instance=\"")
                .append(label(l.name()))
                .append("\"} ")
                .append(l.inFlight())
                .append('\n'));
        b.append("# HELP talkhost_instance_served_total Requests the AllTalk instance answered through the gateway\n")
                .append("# TYPE talkhost_instance_served_total counter\n");
        loads.forEach(l -> b.append("talkhost_instance_served_total{instance=\"")
                .append(label(l.name()))
                .append("\"} ")
                .append(l.served())
                .append('\n'));
    }

    private void operations(StringBuilder b, Metrics metrics) {
        var stats = metrics.snapshot();
        if (stats.isEmpty()) {
            return;
        }
        b.append("# HELP talkhost_operations_total Calls of each TalkHost operation\n")
                .append("# TYPE talkhost_operations_total counter\n");
        for (OperationStats s : stats) {
            b.append("talkhost_operations_total{operation=\"")
                    .append(label(s.operation()))
                    .append("\"} ")
                    .append(s.count())
                    .append('\n');
        }
        b.append("# HELP talkhost_operation_failures_total Failed calls of each TalkHost operation\n")
                .append("# TYPE talkhost_operation_failures_total counter\n");
        for (OperationStats s : stats) {
            b.append("talkhost_operation_failures_total{operation=\"")
                    .append(label(s.operation()))
                    .append("\"} ")
                    .append(s.failures())
                    .append('\n');
        }
        b.append("# HELP talkhost_operation_seconds Time each TalkHost operation took (quantiles of recent calls)\n")
                .append("# TYPE talkhost_operation_seconds summary\n");
        for (OperationStats s : stats) {
            String op = label(s.operation());
            quantile(b, op, "0.5", s.p50Millis());
            quantile(b, op, "0.95", s.p95Millis());
            quantile(b, op, "0.99", s.p99Millis());
        }
    }

    private static void quantile(StringBuilder b, String op, String q, double millis) {
        b.append("talkhost_operation_seconds{operation=\"")
                .append(op)
                .append("\",quantile=\"")
                .append(q)
                .append("\"} ")
                .append(millis / 1000.0)
                .append('\n');
    }

    private static void gauge(StringBuilder b, String name, String help, double value) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ")
                .append(name)
                .append(" gauge\n")
                .append(name)
                .append(' ')
                .append(number(value))
                .append('\n');
    }

    private static void counter(StringBuilder b, String name, String help, long value) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ")
                .append(name)
                .append(" counter\n")
                .append(name)
                .append(' ')
                .append(value)
                .append('\n');
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String label(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
