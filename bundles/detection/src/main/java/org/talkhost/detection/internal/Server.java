package org.talkhost.detection.internal;

import org.talkhost.api.detection.Conclusion;
import org.talkhost.api.detection.Endpoint;
import org.talkhost.api.detection.ReadyState;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.detection.ServerProcess;

/**
 * One AllTalk server seen from both sides.
 *
 * @param process  its process, or null when not visible (another user's, in a container, remote)
 * @param endpoint its port as probed (kind filled from the process when the port could not tell), or null
 *                 when its port is not known
 * @param order    its port's place among the probed ports (lower is preferred)
 */
record Server(ServerProcess process, Endpoint endpoint, int order) {

    /** What this server alone would make the conclusion. */
    Conclusion state() {
        if (endpoint == null) {
            return Conclusion.LOADING;
        }
        ReadyState ready = endpoint.ready();
        if (ready == ReadyState.READY) {
            return Conclusion.READY;
        }
        return ready == ReadyState.UNLOADED || ready == ReadyState.REFUSED
                ? Conclusion.LOADING
                : Conclusion.UNRESPONSIVE;
    }

    ServerKind kind() {
        return endpoint != null && endpoint.kind() != ServerKind.UNKNOWN
                ? endpoint.kind()
                : process != null ? process.kind() : ServerKind.UNKNOWN;
    }

    int port() {
        return endpoint != null ? endpoint.port() : process != null ? process.port() : 0;
    }
}
