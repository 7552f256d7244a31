package org.talkhost.api.ports;

import java.util.List;

/**
 * The port chosen for a start, and why.
 *
 * @param port   the chosen API port, or 0 when no candidate is free
 * @param uiPort the port AllTalk v2's own web UI should use (never the API port), or 0 when not relevant
 * @param survey every candidate with who holds it, in order
 * @param reason the choice in plain words ("7851 is taken by another program, so AllTalk will use 7852")
 */
public record PortChoice(int port, int uiPort, List<PortStatus> survey, String reason) {

    public PortChoice {
        survey = List.copyOf(survey);
    }

    public boolean found() {
        return port > 0;
    }
}
