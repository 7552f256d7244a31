package org.talkhost.api.client;

/** AllTalk (or the client, before sending) refused a value; {@link #field()} names it. */
public class RejectedInputException extends AllTalkException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public RejectedInputException(String field, String message, String detail) {
        super(message, detail, null);
        this.field = field == null ? "" : field;
    }

    public String field() {
        return field;
    }
}
