package org.talkhost.api.client;

/** AllTalk answered with an error of its own, or with something that is not a valid answer. */
public class ServerFailureException extends AllTalkException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ServerFailureException(int status, String message, String detail, Throwable cause) {
        super(message, detail, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when the answer was not usable at all. */
    public int status() {
        return status;
    }
}
