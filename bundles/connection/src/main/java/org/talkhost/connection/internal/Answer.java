package org.talkhost.connection.internal;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP answer, body read in full (within a size limit). The body is read as text without
 * looking at Content-Type: AllTalk sends its plain-text answers without one.
 *
 * @param where   the server, "127.0.0.1:7851"
 * @param path    the path asked for
 * @param standin whether the answer carries the TalkHost stand-in's mark (its {@value #STANDIN_MARK}
 *                header); real AllTalk never sends it
 */
record Answer(int status, byte[] body, String where, String path, boolean standin) {

    /** The response header by which the TalkHost stand-in says what it is. */
    static final String STANDIN_MARK = "x-talkhost-standin";

    Answer(int status, byte[] body, String where, String path) {
        this(status, body, where, path, false);
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The start of the body on one line, for the log. */
    String excerpt() {
        String t = text().replaceAll("\\s+", " ").trim();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }

    /** "404 /api/voices: {...}", for the technical detail of an error. */
    String summary() {
        return status + " " + path + ": " + (body.length == 0 ? "(empty body)" : excerpt());
    }
}
