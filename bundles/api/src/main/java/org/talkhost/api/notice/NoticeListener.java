package org.talkhost.api.notice;

import java.util.function.Consumer;

/**
 * Receives notices as they happen during one operation (for example a start), in addition to the
 * events every listener gets. A plain {@link Consumer}, named for what it is for.
 */
@FunctionalInterface
public interface NoticeListener extends Consumer<Notice> {
    /** A listener that ignores everything. */
    NoticeListener NONE = n -> {};
}
