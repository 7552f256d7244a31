package org.talkhost.api.client;

/** AllTalk cannot be reached: nothing listens, or the connection broke. */
public class UnavailableException extends AllTalkException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message, String detail, Throwable cause) {
        super(message, detail, cause);
    }
}
