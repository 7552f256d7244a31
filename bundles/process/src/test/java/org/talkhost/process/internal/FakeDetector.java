package org.talkhost.process.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.talkhost.api.detection.AllTalkDetector;
import org.talkhost.api.detection.Conclusion;
import org.talkhost.api.detection.Detection;
import org.talkhost.api.detection.Endpoint;
import org.talkhost.api.detection.ReadyState;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.detection.ServerProcess;
import org.talkhost.api.notice.Notice;
import org.talkhost.api.notice.NoticeListener;

/** Says whatever the test wants detection to say. */
final class FakeDetector implements AllTalkDetector {
    volatile Supplier<Detection> answer = FakeDetector::none;
    final AtomicInteger calls = new AtomicInteger();

    static Detection none() {
        return new Detection(List.of(), List.of(), Conclusion.NONE, Optional.empty(), "nothing runs", Duration.ZERO);
    }

    /** An AllTalk of {@code kind} answering on {@code port}, served by process {@code pid} (0: no process seen). */
    static Detection found(Conclusion c, int port, ServerKind kind, long pid) {
        return found(c, "127.0.0.1", port, kind, pid);
    }

    static Detection found(Conclusion c, String host, int port, ServerKind kind, long pid) {
        ReadyState rs = c == Conclusion.READY ? ReadyState.READY : ReadyState.REFUSED;
        Endpoint e = new Endpoint(host, port, kind, rs, Duration.ofMillis(3), "test");
        List<ServerProcess> procs = pid == 0
                ? List.of()
                : List.of(new ServerProcess(
                        pid,
                        0,
                        "java -jar alltalk-standin.jar --port " + port,
                        Instant.now(),
                        "",
                        kind,
                        "alltalk-standin",
                        port));
        return new Detection(procs, List.of(e), c, Optional.of(e), c + " on " + port, Duration.ofMillis(5));
    }

    @Override
    public Detection detect(NoticeListener listener) {
        calls.incrementAndGet();
        listener.accept(Notice.info("detection", "detect.start", "Checking if AllTalk is already running..."));
        return answer.get();
    }

    @Override
    public Detection detect(String host, List<Integer> ports, NoticeListener listener) {
        return detect(listener);
    }

    @Override
    public Endpoint probe(String host, int port) {
        return new Endpoint(host, port, ServerKind.STANDIN, ReadyState.READY, Duration.ofMillis(1), "test");
    }

    @Override
    public List<ServerProcess> processes() {
        return answer.get().processes();
    }
}
