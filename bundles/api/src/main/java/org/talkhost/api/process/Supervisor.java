package org.talkhost.api.process;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.talkhost.api.notice.NoticeListener;

/** Starts, adopts, watches and stops AllTalk. Never starts a second one. */
@ProviderType
public interface Supervisor {

    /**
     * Makes sure an AllTalk is running and ready: detect, adopt a running one, else choose a port,
     * check the environment, start, and wait. Tells {@code progress} each step. Blocks until ready or failed.
     * After the user stopped AllTalk ({@link #stop}) it starts nothing and returns the STOPPED state, whose
     * explanation says how to start it, until {@link #start} or {@link #restart}.
     */
    RunState ensureRunning(NoticeListener progress);

    /** Starts AllTalk if none runs (same as {@link #ensureRunning}, for the {@code start} command). */
    RunState start(NoticeListener progress);

    /** Stops AllTalk, whoever started it (the user asked). Returns what was done, in plain words. */
    String stop(NoticeListener progress);

    /** Stops and starts again (the user asked: no restart limit applies). */
    RunState restart(NoticeListener progress);

    /**
     * Someone (the health monitor) found AllTalk not answering: restart it under the restart policy
     * (backoff, start limit) when this TalkHost manages it; otherwise only reconnect. Returns at once;
     * the outcome shows in {@link #state()} and in notices.
     */
    void recover(String reason);

    RunState state();

    /** Resource use of the AllTalk process tree, when there is a local process. */
    Optional<ResourceUsage> resources();
}
