package org.talkhost.detection.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.Conclusion;
import org.talkhost.api.detection.Endpoint;
import org.talkhost.api.detection.ReadyState;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.notice.Messages;
import org.talkhost.api.notice.Notice;

/**
 * The conclusion of one detection, the endpoint to use, and what to tell people.
 *
 * @param conclusion the one-word result
 * @param chosen     the AllTalk endpoint to use, if any
 * @param notice     the result in plain words
 */
record Verdict(Conclusion conclusion, Optional<Endpoint> chosen, Notice notice) {

    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    /**
     * Decides on what the process scan and the probes found. {@code host} is where the probes went: when it is another
     * machine, "nothing answers" says that AllTalk has to be started there (TalkHost sees no program of it).
     */
    static Verdict decide(
            String host, ProcessScan scan, List<Endpoint> endpoints, Duration timeout, Messages messages) {
        List<Server> servers = ServerPairing.pair(scan.servers(), endpoints);
        if (servers.size() > 1) {
            return duplicate(servers, scan, messages);
        }
        if (servers.size() == 1) {
            return single(servers.get(0), timeout, messages);
        }
        List<Endpoint> foreign =
                endpoints.stream().filter(e -> e.kind() == ServerKind.FOREIGN).toList();
        if (!foreign.isEmpty()) {
            String ports = foreign.stream()
                    .map(e -> messages.text("detect.foreign.port", e.port(), why(e, messages)))
                    .collect(Collectors.joining(messages.text("words.and")));
            return new Verdict(
                    Conclusion.FOREIGN,
                    Optional.empty(),
                    messages.warning(foreign.size() == 1 ? "detect.foreign" : "detect.foreign.many", ports));
        }
        String ports = endpoints.stream()
                .map(e -> String.valueOf(e.port()))
                .collect(Collectors.joining(messages.text("words.or")));
        Notice none = ServerAddress.onThisMachine(host)
                ? messages.info("detect.none", ports)
                : messages.info("detect.none.remote", ports, host);
        return new Verdict(Conclusion.NONE, Optional.empty(), none);
    }

    private static Verdict single(Server s, Duration timeout, Messages messages) {
        Optional<Endpoint> chosen = Optional.ofNullable(s.endpoint());
        Conclusion state = s.state();
        Notice notice;
        if (state == Conclusion.READY) {
            notice = messages.info(s.kind() == ServerKind.STANDIN ? "detect.ready.standin" : "detect.ready", s.port());
        } else if (state == Conclusion.UNRESPONSIVE) {
            notice = messages.warning("detect.unresponsive", s.port(), seconds(timeout));
        } else if (s.endpoint() != null && s.endpoint().ready() == ReadyState.UNLOADED) {
            notice = messages.info("detect.unloaded", s.port());
        } else if (s.port() > 0) {
            notice = messages.info("detect.loading", s.process().pid(), s.port());
        } else {
            notice = messages.info("detect.loading.noport", s.process().pid());
        }
        return new Verdict(state, chosen, notice);
    }

    /** The Ready one on the earliest candidate port is used; every other one gets a way to stop it. */
    private static Verdict duplicate(List<Server> servers, ProcessScan scan, Messages messages) {
        Server used = servers.stream()
                .min(Comparator.comparing((Server s) -> s.state() != Conclusion.READY)
                        .thenComparingInt(Server::order)
                        .thenComparingLong(s -> s.process() == null
                                ? Long.MAX_VALUE
                                : s.process().pid()))
                .orElseThrow();
        List<String> others = new ArrayList<>();
        for (Server s : servers) {
            if (s != used) {
                others.add(stopHint(s, scan, messages));
            }
        }
        String which = used.port() > 0
                ? messages.text("detect.duplicate.used.port", used.port())
                : messages.text("detect.duplicate.used.pid", used.process().pid());
        Notice notice = messages.warning("detect.duplicate", servers.size(), which, String.join("; ", others));
        return new Verdict(Conclusion.DUPLICATE, Optional.ofNullable(used.endpoint()), notice);
    }

    private static String stopHint(Server s, ProcessScan scan, Messages messages) {
        String kind = s.kind().isAllTalk() ? s.kind().words() : ServerKind.UNKNOWN.words();
        if (s.process() == null) {
            return messages.text("detect.other.noprocess", kind, s.port());
        }
        List<Long> pids = scan.pidsOf(s.process().pid());
        String command = WINDOWS
                ? pids.stream().map(p -> "taskkill /PID " + p).collect(Collectors.joining(" ")) + " /T /F"
                : "kill " + pids.stream().map(String::valueOf).collect(Collectors.joining(" "));
        return s.port() > 0
                ? messages.text("detect.other.port", kind, s.port(), s.process().pid(), command)
                : messages.text("detect.other.noport", kind, s.process().pid(), command);
    }

    private static String why(Endpoint e, Messages messages) {
        String detail = e.detail();
        return detail.startsWith("HTTP ") && detail.length() >= 8
                ? messages.text("detect.foreign.http", detail.substring(5, 8))
                : messages.text("detect.foreign.other");
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0).replace(".0", "");
    }
}
