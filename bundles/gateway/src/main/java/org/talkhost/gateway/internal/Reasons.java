package org.talkhost.gateway.internal;

import org.talkhost.api.process.RunState;

/** Why requests wait, in plain phrases for the 503 sentence and the operations log. */
final class Reasons {

    private Reasons() {}

    /** AllTalk did not take the connection. */
    static String unreached(AllTalkWhere where) {
        RunState st = where.state();
        if (st == null) {
            return "AllTalk did not answer on " + where.address() + " while TalkHost's Supervisor was being replaced";
        }
        if (!st.ready()) {
            return "AllTalk is " + st.phase().name().toLowerCase(java.util.Locale.ROOT) + ": " + trim(st.explanation());
        }
        return "AllTalk did not answer on " + where.address();
    }

    /** AllTalk went away while working on a request. */
    static String died(AllTalkWhere where) {
        return "AllTalk stopped while answering on " + where.address() + " (its process may have ended)";
    }

    static String phase(AllTalkWhere.PhaseChange change) {
        return "AllTalk is " + change.phase().name().toLowerCase(java.util.Locale.ROOT) + ": "
                + trim(change.explanation());
    }

    private static String trim(String s) {
        if (s == null || s.isBlank()) {
            return "no details";
        }
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
