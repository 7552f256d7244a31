package org.talkhost.ports.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.talkhost.api.notice.Messages;
import org.talkhost.api.ports.PortChoice;
import org.talkhost.api.ports.PortStatus;

/**
 * Turns a survey into a choice: the first free candidate for the API and, when AllTalk v2's web page
 * runs too, a free port for it that is never the API port nor a taken candidate, and the reason in
 * plain words.
 */
final class PortPlanner {
    /** How far past its usual port the web page may move. */
    static final int UI_SEARCH = 20;

    private final Messages messages;

    PortPlanner(Messages messages) {
        this.messages = messages;
    }

    PortChoice plan(List<PortStatus> survey, int uiDefault, IntFunction<PortStatus> check) {
        return plan(survey, uiDefault, check, port -> null);
    }

    /**
     * @param uiDefault  the web page's usual port, or 0 when there is no web page
     * @param check      inspects a port that is not a candidate (for the web page)
     * @param keptForWeb for the web page: the status of a port kept for another AllTalk of this host (another
     *                   instance chose it, or may need it for its API), else null
     */
    PortChoice plan(
            List<PortStatus> survey, int uiDefault, IntFunction<PortStatus> check, IntFunction<PortStatus> keptForWeb) {
        PortStatus api = survey.stream().filter(PortStatus::isFree).findFirst().orElse(null);
        if (api == null) {
            return new PortChoice(0, 0, survey, messages.text("reason.none", describe(survey)));
        }
        List<PortStatus> skipped = survey.subList(0, survey.indexOf(api));
        String reason = skipped.isEmpty()
                ? messages.text("reason.first", api.port())
                : messages.text("reason.skipped", describe(skipped), api.port());
        if (uiDefault <= 0) {
            return new PortChoice(api.port(), 0, survey, reason);
        }
        Map<Integer, PortStatus> known = new HashMap<>();
        survey.forEach(s -> known.put(s.port(), s));
        IntFunction<PortStatus> statusOf = p -> {
            PortStatus kept = keptForWeb.apply(p);
            return kept != null ? kept : known.computeIfAbsent(p, check::apply);
        };
        int ui = 0;
        for (int p = uiDefault; p <= Math.min(65535, uiDefault + UI_SEARCH) && ui == 0; p++) {
            if (p != api.port() && statusOf.apply(p).isFree()) {
                ui = p;
            }
        }
        String uiReason;
        if (ui == uiDefault) {
            uiReason = messages.text("reason.ui.usual", ui);
        } else if (ui > 0) {
            String why = uiDefault == api.port()
                    ? messages.text("reason.ui.api")
                    : statusOf.apply(uiDefault).explanation();
            uiReason = messages.text("reason.ui.moved", uiDefault, why, ui);
        } else {
            uiReason = messages.text("reason.ui.none", uiDefault);
        }
        return new PortChoice(api.port(), ui, survey, reason + " " + uiReason);
    }

    /** "Port 7851 is used by another program (...) and port 7852 is ..." */
    String describe(List<PortStatus> ports) {
        List<String> parts = new ArrayList<>();
        for (PortStatus s : ports) {
            parts.add(messages.text(parts.isEmpty() ? "reason.port.first" : "reason.port", s.port(), s.explanation()));
        }
        if (parts.size() < 2) {
            return String.join("", parts);
        }
        return String.join(messages.text("words.comma"), parts.subList(0, parts.size() - 1))
                + messages.text("words.and")
                + parts.get(parts.size() - 1);
    }
}
