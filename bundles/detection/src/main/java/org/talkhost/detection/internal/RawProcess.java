package org.talkhost.detection.internal;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the process list, as the matcher needs it: small enough to build by hand in tests.
 *
 * @param pid       process id
 * @param parentPid parent's process id (0 when unknown; {@link #PARENT_UNREAD} when the list left it to
 *                  {@link ProcessSource#parentOf}, for a process that cannot be AllTalk)
 * @param args      the command line, split (empty when unreadable)
 * @param cwd       working directory, empty when unreadable or not asked for
 * @param started   start time, or null when unknown
 */
record RawProcess(long pid, long parentPid, List<String> args, String cwd, Instant started) {
    /** The list did not read this process's parent: ask {@link ProcessSource#parentOf} when it is needed. */
    static final long PARENT_UNREAD = -1;

    RawProcess {
        args = args == null ? List.of() : List.copyOf(args);
        cwd = cwd == null ? "" : cwd;
    }

    RawProcess(long pid, long parentPid, String cwd, String... args) {
        this(pid, parentPid, List.of(args), cwd, null);
    }

    String commandLine() {
        return String.join(" ", args);
    }
}
