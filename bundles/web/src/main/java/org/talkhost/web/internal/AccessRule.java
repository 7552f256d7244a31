package org.talkhost.web.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who may do what through the control API. On a loopback bind reading is open to local callers and
 * every change needs the token; on any other bind everything needs it. The token comes only in the
 * {@code Authorization} header, never from a cookie, so a page from another site cannot act.
 */
final class AccessRule {
    static final String NO_TOKEN = "This needs TalkHost's control token: send the header "
            + "\"Authorization: Bearer TOKEN\" with the token from runtime/control.token in TalkHost's folder.";
    static final String WRONG_TOKEN = "The control token sent is not TalkHost's: use the one in "
            + "runtime/control.token in TalkHost's folder (it changes only when that file is deleted).";

    private final ControlToken token;
    private final boolean loopbackBind;

    AccessRule(ControlToken token, boolean loopbackBind) {
        this.token = token;
        this.loopbackBind = loopbackBind;
    }

    /**
     * Null when the call may go ahead; otherwise the one plain sentence to answer with 401.
     *
     * @param change        whether the call changes something (start, stop, say, exec, PUT config)
     * @param remoteAddress the caller's address
     * @param authorization the {@code Authorization} header, or null
     */
    String refusal(boolean change, String remoteAddress, String authorization) {
        boolean open = !change && loopbackBind && isLoopback(remoteAddress);
        if (open || token.accepts(authorization)) {
            return null;
        }
        return authorization == null || authorization.isBlank() ? NO_TOKEN : WRONG_TOKEN;
    }

    boolean loopbackBind() {
        return loopbackBind;
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            String a = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
            return InetAddress.getByName(a).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
