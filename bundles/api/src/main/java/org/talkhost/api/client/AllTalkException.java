package org.talkhost.api.client;

/**
 * A call to AllTalk failed. {@link #getMessage()} is the plain-language text for people (what went
 * wrong and what to do); {@link #detail()} is the technical detail for the log.
 */
public class AllTalkException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String detail;

    public AllTalkException(String message, String detail, Throwable cause) {
        super(message, cause);
        this.detail = detail == null ? "" : detail;
    }

    /** The technical detail (status, body excerpt, exception) for the log. */
    public String detail() {
        return detail;
    }
}
