package org.talkhost.detection.internal;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the process list, as the matcher needs it: small enough to build by hand in tests.
 *
 * @param pid       process id
 * @param parentPid parent's process id (0 when unknown)
 * @param args      the command line, split (empty when unreadable)
 * @param cwd       working directory, empty when unreadable or not asked for
 * @param started   start time, or null when unknown
 */
record RawProcess(long pid, long parentPid, List<String> args, String cwd, Instant started) {

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
