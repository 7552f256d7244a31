package org.talkhost.detection.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.talkhost.api.detection.Endpoint;
import org.talkhost.api.detection.ReadyState;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.detection.ServerProcess;

/**
 * Puts processes and endpoints together into servers, so that one AllTalk seen both in the process list
 * and on its port counts once. Processes that name their port ({@code --port}) take that endpoint; the
 * others take the first AllTalk endpoint left, or else (still loading) the first refused port, which is
 * where TalkHost's own configuration sends AllTalk. A silent port with no process behind it counts as a
 * server only when nothing else was found.
 */
final class ServerPairing {

    private ServerPairing() {}

    static List<Server> pair(List<ServerProcess> processes, List<Endpoint> endpoints) {
        List<Server> servers = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (ServerProcess p : processes) {
            if (p.port() > 0) {
                int i = indexOf(endpoints, p.port());
                Endpoint e = i < 0 || endpoints.get(i).kind() == ServerKind.FOREIGN ? null : endpoints.get(i);
                servers.add(new Server(p, e == null ? null : adopt(e, p), e == null ? Integer.MAX_VALUE : i));
                used.add(p.port());
            }
        }
        for (ServerProcess p : processes) {
            if (p.port() == 0) {
                int i = firstFree(endpoints, used, true);
                if (i < 0) {
                    i = firstFree(endpoints, used, false);
                }
                if (i >= 0) {
                    used.add(endpoints.get(i).port());
                }
                servers.add(new Server(p, i < 0 ? null : adopt(endpoints.get(i), p), i < 0 ? Integer.MAX_VALUE : i));
            }
        }
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint e = endpoints.get(i);
            if (!used.contains(e.port()) && answersAsAllTalk(e)) {
                servers.add(new Server(null, e, i));
                used.add(e.port());
            }
        }
        if (servers.isEmpty()) {
            for (int i = 0; i < endpoints.size(); i++) {
                if (endpoints.get(i).ready() == ReadyState.TIMEOUT) {
                    servers.add(new Server(null, endpoints.get(i), i));
                    break;
                }
            }
        }
        return servers;
    }

    private static boolean answersAsAllTalk(Endpoint e) {
        return e.isAllTalk() && e.ready() != ReadyState.TIMEOUT;
    }

    /** The first endpoint not taken yet: answering as AllTalk (or silent), or else refused. */
    private static int firstFree(List<Endpoint> endpoints, Set<Integer> used, boolean answering) {
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint e = endpoints.get(i);
            boolean fits = answering ? e.isAllTalk() : e.ready() == ReadyState.REFUSED;
            if (fits && !used.contains(e.port())) {
                return i;
            }
        }
        return -1;
    }

    /** The endpoint, with the process's kind when the port itself could not tell. */
    private static Endpoint adopt(Endpoint e, ServerProcess p) {
        if (e.kind() != ServerKind.NONE && e.kind() != ServerKind.UNKNOWN) {
            return e;
        }
        String why = e.ready() == ReadyState.REFUSED ? "still loading" : "not answering";
        return new Endpoint(
                e.host(),
                e.port(),
                p.kind(),
                e.ready(),
                e.responseTime(),
                e.detail() + "; AllTalk program " + p.pid() + " runs (" + why + ")");
    }

    private static int indexOf(List<Endpoint> endpoints, int port) {
        for (int i = 0; i < endpoints.size(); i++) {
            if (endpoints.get(i).port() == port) {
                return i;
            }
        }
        return -1;
    }
}
