package org.talkhost.api.ports;

/** Who holds a port. */
public enum PortHolder {
    /** Nothing: it can be bound and nothing answers. */
    FREE,
    /** An AllTalk server answers there. */
    ALLTALK,
    /** AllTalk v2's own web UI (Gradio) uses it. */
    ALLTALK_UI,
    /**
     * Another AllTalk instance of this TalkHost has it: the port it chose, or (for a web page) one of its
     * candidate ports. Never adopted, never given to a second instance.
     */
    OTHER_INSTANCE,
    /** Another program answers there. */
    FOREIGN,
    /** Nothing answers but it cannot be bound (held by a program that does not speak HTTP, or not allowed). */
    UNBINDABLE
}
