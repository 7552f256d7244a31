package org.talkhost.health.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.talkhost.api.config.Mode;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.notice.NoticeListener;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.ResourceUsage;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

/** A Supervisor whose state the test sets; it records recover calls. */
final class FakeSupervisor implements Supervisor {
    volatile Phase phase = Phase.READY;
    volatile Mode mode = Mode.STANDIN;
    volatile boolean startedByUs = true;
    volatile String reason = "";
    volatile String fix = "";
    volatile ResourceUsage usage;
    volatile RuntimeException recoverFailure;
    final List<String> recoverReasons = new CopyOnWriteArrayList<>();

    static FakeSupervisor managed() {
        return new FakeSupervisor();
    }

    static FakeSupervisor adopted() {
        FakeSupervisor s = new FakeSupervisor();
        s.mode = Mode.MANAGED;
        s.startedByUs = false;
        return s;
    }

    @Override
    public RunState state() {
        boolean none = phase == Phase.FAILED;
        return new RunState(
                phase,
                mode,
                new ServerAddress("127.0.0.1", 7851),
                none ? ServerKind.NONE : ServerKind.STANDIN,
                none ? 0 : 42,
                startedByUs && !none,
                Instant.EPOCH,
                phase.name(),
                reason,
                fix);
    }

    @Override
    public void recover(String reason) {
        recoverReasons.add(reason);
        if (recoverFailure != null) {
            throw recoverFailure;
        }
    }

    @Override
    public Optional<ResourceUsage> resources() {
        return Optional.ofNullable(usage);
    }

    @Override
    public RunState ensureRunning(NoticeListener progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RunState start(NoticeListener progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String stop(NoticeListener progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RunState restart(NoticeListener progress) {
        throw new UnsupportedOperationException();
    }
}
