package org.talkhost.api.detection;

/** What answers on a port, or runs as a process. */
public enum ServerKind {
    /** AllTalk v1 (branch main): tts_server.py. */
    V1("AllTalk v1"),
    /** AllTalk v2 (branch alltalkbeta): script.py starting tts_server.py. */
    V2("AllTalk v2"),
    /** TalkHost's built-in stand-in server. */
    STANDIN("the built-in stand-in"),
    /** An AllTalk whose version is not known yet (a process seen, its API not answering). */
    UNKNOWN("AllTalk"),
    /** Something that answers HTTP (or holds the port) but is not AllTalk. */
    FOREIGN("another program"),
    /** Nothing. */
    NONE("nothing");

    private final String words;

    ServerKind(String words) {
        this.words = words;
    }

    /** How a person would name it. */
    public String words() {
        return words;
    }

    public boolean isAllTalk() {
        return this == V1 || this == V2 || this == STANDIN || this == UNKNOWN;
    }
}
