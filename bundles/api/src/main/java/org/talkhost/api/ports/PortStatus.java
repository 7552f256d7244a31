package org.talkhost.api.ports;

/**
 * One candidate port and who holds it.
 *
 * @param port        the port
 * @param holder      who holds it
 * @param explanation plain words: "free", "another program answers there (HTTP 200)", ...
 */
public record PortStatus(int port, PortHolder holder, String explanation) {

    public boolean isFree() {
        return holder == PortHolder.FREE;
    }
}
