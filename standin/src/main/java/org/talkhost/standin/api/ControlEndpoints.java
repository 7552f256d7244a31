package org.talkhost.standin.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.talkhost.standin.http.Call;
import org.talkhost.standin.http.Router;

/**
 * Only with --control: POST /_standin/fault?name=NAME&value=VALUE changes a fault at run time;
 * GET /_standin/state shows the faults and counters. Exempt from faults and not counted as requests.
 */
public final class ControlEndpoints {

    private final Context ctx;
    private final DoubleConsumer crashTimer;

    /** @param crashTimer (re)starts the crash-after-seconds timer, counted from now */
    public ControlEndpoints(Context ctx, DoubleConsumer crashTimer) {
        this.ctx = ctx;
        this.crashTimer = crashTimer;
    }

    public Router router() {
        return new Router().add("POST", "/_standin/fault", this::fault).add("GET", "/_standin/state", this::state);
    }

    private void fault(Call call) throws IOException {
        Map<String, String> params = new LinkedHashMap<>(call.form());
        params.putAll(call.query());
        String name = params.get("name");
        String value = params.getOrDefault("value", "true");
        if (name == null) {
            call.reply().json(400, Map.of("error", "Say which fault to set: ?name=NAME&value=VALUE"));
            return;
        }
        try {
            ctx.faults().set(name, value);
        } catch (IllegalArgumentException e) {
            call.reply().json(400, Map.of("error", e.getMessage()));
            return;
        }
        if ("crash-after-seconds".equals(name)) {
            crashTimer.accept(ctx.faults().crashAfterSeconds());
        }
        ctx.console().note("Fault " + name + " set to " + value + " through the control endpoint.");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("value", value);
        body.put("faults", ctx.faults().describe());
        call.reply().json(200, body);
    }

    private void state(Call call) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("talkhost_standin", true);
        s.put("flavor", ctx.flavor().label());
        s.put("pid", ProcessHandle.current().pid());
        s.put("standin_voice", ctx.speech().kind());
        s.put("requests", ctx.faults().requests());
        s.put("generations", ctx.generator().generations());
        s.put("generating", ctx.generator().active());
        s.put("current_model_loaded", ctx.model().current());
        s.put("model_loaded", ctx.model().loaded());
        s.put("faults", ctx.faults().describe());
        call.reply().json(200, s);
    }
}
