package org.talkhost.logging.internal;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.notice.Messages;
import org.talkhost.api.notice.Notice;
import org.talkhost.common.Notices;

/**
 * Tells people what {@link ConfigGuard} refused: which file, which line or key and value, why, and what
 * stays in force. Each problem is said once (as a notice, in the operations log and in the host log) until
 * the file is fixed; then one line says the file is read again.
 */
@Component(service = GuardReport.class)
public final class GuardReport {
    private static final Logger LOG = LoggerFactory.getLogger(GuardReport.class);

    private final OperationsLog log;
    private final Messages messages = LoggingCatalog.TEXT;
    private final Map<String, Set<String>> said = new ConcurrentHashMap<>();
    private final Set<String> detached = ConcurrentHashMap.newKeySet();

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    @Activate
    public GuardReport(@Reference OperationsLog log) {
        this.log = log;
    }

    /** One refused value, in words: "healthTimeoutSeconds=-3.0: ... TalkHost keeps 1.5." */
    String refusedValue(String key, Object value, String why, Object kept) {
        return messages.text(
                "guard.value", key, show(value), why, kept == null ? messages.text("guard.default") : show(kept));
    }

    void result(String pid, Path file, List<ConfigFile.Problem> problems, List<String> refused, boolean detach) {
        List<String> lines = new ArrayList<>();
        String where = file == null ? pid : file.getFileName().toString();
        for (ConfigFile.Problem p : problems) {
            lines.add(messages.text("guard.line", where, p.line(), p.text(), p.reason()));
        }
        for (String r : refused) {
            lines.add(messages.text("guard.refused", where, r));
        }
        Set<String> before = said.computeIfAbsent(pid, p -> ConcurrentHashMap.newKeySet());
        if (lines.isEmpty()) {
            before.clear();
            if (file != null && detached.remove(pid)) {
                say(false, messages.text("guard.fixed", where), file);
            }
            return;
        }
        if (detach) {
            detached.add(pid);
        }
        for (String line : lines) {
            if (before.add(line)) {
                say(true, line + " " + messages.text(detach ? "guard.detached" : "guard.kept", where), file);
            }
        }
    }

    private void say(boolean warning, String text, Path file) {
        if (warning) {
            LOG.warn("{} ({})", text, file);
            log.log(OperationsLog.Level.WARNING, text);
        } else {
            LOG.info(text);
            log.info(text);
        }
        Notices.post(
                events,
                warning
                        ? Notice.warning("logging", "config.refused", text)
                        : Notice.info("logging", "config.fixed", text));
    }

    private static String show(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(",", items);
        }
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
