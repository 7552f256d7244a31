package org.talkhost.api.ports;

/** Who holds a port. */
public enum PortHolder {
    /** Nothing: it can be bound and nothing answers. */
    FREE,
    /** An AllTalk server answers there. */
    ALLTALK,
    /** AllTalk v2's own web UI (Gradio) uses it. */
    ALLTALK_UI,
    /** Another program answers there. */
    FOREIGN,
    /** Nothing answers but it cannot be bound (held by a program that does not speak HTTP, or not allowed). */
    UNBINDABLE
}
