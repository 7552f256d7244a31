package org.talkhost.api.client;

/** AllTalk did not answer in time: it is busy (generating) or stuck. */
public class BusyException extends AllTalkException {
    private static final long serialVersionUID = 1L;

    public BusyException(String message, String detail, Throwable cause) {
        super(message, detail, cause);
    }
}
