package org.talkhost.process.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.Mode;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.Conclusion;
import org.talkhost.api.detection.Detection;
import org.talkhost.api.detection.Endpoint;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.detection.ServerProcess;
import org.talkhost.api.logging.OperationsLog;

/**
 * Decides whether to adopt a running AllTalk: what detection found, reconciled with the pid file (the
 * AllTalk an earlier Supervisor of this TalkHost started is adopted as its own). Removes a stale pid file.
 */
final class Adopter {

    /** An AllTalk to adopt, and what detection said about it (READY, LOADING, UNRESPONSIVE, DUPLICATE). */
    record Adoption(Supervised server, Conclusion conclusion) {}

    private final OwnServer own;
    private final Supplier<OperationsLog> log;

    Adopter(OwnServer own, Supplier<OperationsLog> log) {
        this.own = own;
        this.log = log;
    }

    Optional<Adoption> adopt(Detection d, Mode mode, AllTalkSettings s) {
        Optional<PidFile.Entry> entry = own.pidFile().read();
        Optional<ProcessHandle> ours = entry.flatMap(PidFile.Entry::liveProcess);
        if (entry.isPresent() && ours.isEmpty()) {
            own.pidFile().delete();
            log.get()
                    .info(
                            "Removed a stale pid file: AllTalk process {} from an earlier start is gone",
                            entry.get().pid());
        }
        Conclusion c = d.conclusion();
        boolean found = c == Conclusion.READY
                || c == Conclusion.LOADING
                || c == Conclusion.UNRESPONSIVE
                || c == Conclusion.DUPLICATE;
        if (found) {
            Endpoint e = d.chosen().filter(Endpoint::isAllTalk).orElse(null);
            ServerProcess proc = d.chosenProcess().orElse(null);
            int port = e != null
                    ? e.port()
                    : proc != null && proc.port() > 0
                            ? proc.port()
                            : ours.isPresent() ? entry.get().address().port() : fallbackPort(s);
            String host = e != null ? e.host() : s.host();
            ServerKind kind = e != null ? e.kind() : proc != null ? proc.kind() : ServerKind.UNKNOWN;
            boolean mine = mode != Mode.EXTERNAL
                    && ours.isPresent()
                    && (proc == null
                            || belongs(proc, ours.get())
                            || port == entry.get().address().port());
            Optional<ProcessHandle> handle =
                    mine ? ours : proc == null ? Optional.empty() : ProcessHandle.of(root(proc, d.processes()));
            mine = mine && own.lock().tryOnce();
            if (kind == ServerKind.UNKNOWN && mine) {
                kind = entry.get().kind();
            }
            return Optional.of(new Adoption(server(mode, new ServerAddress(host, port), kind, handle, mine), c));
        }
        if (ours.isPresent() && mode != Mode.EXTERNAL) {
            PidFile.Entry en = entry.get();
            boolean mine = own.lock().tryOnce();
            return Optional.of(new Adoption(server(mode, en.address(), en.kind(), ours, mine), Conclusion.LOADING));
        }
        return Optional.empty();
    }

    private Supervised server(
            Mode mode, ServerAddress address, ServerKind kind, Optional<ProcessHandle> handle, boolean mine) {
        ChildProcess child = handle.filter(Liveness::running)
                .map(h -> own.launcher().attach(h, mine))
                .orElse(null);
        return new Supervised(mode, address, kind, child, mine);
    }

    /** Whether {@code proc} is the process in the pid file or one of its descendants. */
    private static boolean belongs(ServerProcess proc, ProcessHandle ours) {
        return proc.pid() == ours.pid() || ours.descendants().anyMatch(h -> h.pid() == proc.pid());
    }

    /** Walks up to the top AllTalk process (v2's script.py above its tts_server.py). */
    static long root(ServerProcess proc, List<ServerProcess> all) {
        ServerProcess cur = proc;
        for (int i = 0; i < 8; i++) {
            long parent = cur.parentPid();
            Optional<ServerProcess> up =
                    all.stream().filter(x -> x.pid() == parent && parent != 0).findFirst();
            if (up.isEmpty()) {
                break;
            }
            cur = up.get();
        }
        return cur.pid();
    }

    static int fallbackPort(AllTalkSettings s) {
        if (s.port() > 0) {
            return s.port();
        }
        int[] ports = s.ports();
        return ports != null && ports.length > 0 ? ports[0] : 7851;
    }
}
