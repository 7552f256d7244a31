package org.talkhost.detection.internal;

import java.util.List;

/** Where the process list comes from: OSHI in the host, a fixed list in tests. */
interface ProcessSource {

    /** Every process visible to this user; only likely AllTalk processes need a working directory. */
    List<RawProcess> list();

    /**
     * The parent of a listed process whose parent the list did not read ({@link RawProcess#PARENT_UNREAD}); 0
     * when unknown (the process has ended).
     */
    default long parentOf(long pid) {
        return 0;
    }
}
