package org.talkhost.health.internal;

import java.math.BigDecimal;
import java.time.Duration;

import org.talkhost.api.health.HealthState;
import org.talkhost.api.notice.Messages;
import org.talkhost.api.notice.Notice;
import org.talkhost.health.internal.ProbeResult.Outcome;

/** The words about a change of health: the notice for people and the short reason for history and events. */
final class HealthNotices {

    /** What the words need beyond the change itself. */
    record Context(HealthSettings settings, String address, Duration restartEstimate) {}

    private final Messages messages = HealthCatalog.TEXT;

    String waiting() {
        return messages.text("health.waiting");
    }

    Notice notice(Change c, Context ctx) {
        String key = "health." + noticeKey(c);
        Object[] args = args(c, ctx);
        if (c.to() == HealthState.DOWN || c.to() == HealthState.DEGRADED) {
            return messages.warning(key, args);
        }
        return messages.info(key, args);
    }

    String reason(Change c, Context ctx) {
        return messages.text("reason." + c.code(), args(c, ctx));
    }

    private static String noticeKey(Change c) {
        if (c.to() != HealthState.READY) {
            return c.code();
        }
        if (c.silence() != null) {
            return "ready.recovered";
        }
        switch (c.from()) {
            case STARTING:
                return "ready.started";
            case BUSY:
                return "ready.idle";
            case DEGRADED:
                return "ready.normal";
            default:
                return "ready.first";
        }
    }

    private Object[] args(Change c, Context ctx) {
        HealthSettings s = ctx.settings();
        ProbeResult r = c.result();
        Problem p = c.problem();
        String detail = p != null
                        && (c.code().startsWith("degraded." + p.code())
                                || c.code().equals("down." + p.code()))
                ? p.value()
                : r.answered() ? r.body() : r.message();
        Object[] args = {
            seconds(c.silence()),
            seconds(s.interval()),
            seconds(s.maxBackoff()),
            seconds(ctx.restartEstimate()),
            ctx.address(),
            millis(r.latency()),
            millis(s.slow()),
            decimalSeconds(s.timeout()),
            seconds(c.nextCheck()),
            detail,
            c.inFlight(),
            s.failuresBeforeDown(),
            p == null ? 0 : p.limit(),
            "",
            minutes(s.deepCheckEvery())
        };
        args[13] = cause(r, args);
        return args;
    }

    private String cause(ProbeResult r, Object[] args) {
        if (r.outcome() == Outcome.TIMEOUT) {
            return messages.text("cause.timeout", args);
        }
        if (r.outcome() == Outcome.UNREACHABLE) {
            return messages.text("cause.unreachable", args);
        }
        return r.message().isBlank() ? messages.text("cause.internal") : messages.text("cause.error", args);
    }

    private static long seconds(Duration d) {
        return d == null ? 0 : Math.round(d.toMillis() / 1000.0);
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m == 1 ? "1 minute" : m + " minutes";
    }

    private static long millis(Duration d) {
        return d == null ? 0 : d.toMillis();
    }

    private static String decimalSeconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
