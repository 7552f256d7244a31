package org.talkhost.health.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import org.talkhost.api.client.AllTalkException;
import org.talkhost.api.client.BusyException;
import org.talkhost.api.client.GenerateRequest;
import org.talkhost.api.client.GenerateResult;
import org.talkhost.api.client.ReadyAnswer;
import org.talkhost.api.client.UnavailableException;

/**
 * An AllTalk client whose ready answers the test scripts. Without a script it keeps giving the
 * last {@link #always} answer. A timeout moves the fake clock by the timeout, as a real one takes that long.
 */
final class ScriptedClient extends ClientStub {

    /** What one ready call does. */
    enum Answer {
        READY,
        UNLOADED,
        SLOW,
        TIMEOUT,
        REFUSED,
        ERROR
    }

    private final FakeClock clock;
    private final Deque<Answer> script = new ArrayDeque<>();
    volatile Answer always = Answer.READY;
    volatile int inFlight;
    final AtomicInteger readyCalls = new AtomicInteger();
    final AtomicInteger generateCalls = new AtomicInteger();
    volatile AllTalkException generateFailure;

    ScriptedClient(FakeClock clock) {
        this.clock = clock;
    }

    ScriptedClient then(Answer a, int times) {
        for (int i = 0; i < times; i++) {
            script.add(a);
        }
        return this;
    }

    @Override
    public ReadyAnswer ready(Duration timeout) {
        readyCalls.incrementAndGet();
        Answer a = script.isEmpty() ? always : script.poll();
        switch (a) {
            case READY:
                return new ReadyAnswer(true, "Ready", Duration.ofMillis(3));
            case UNLOADED:
                return new ReadyAnswer(false, "Unloaded", Duration.ofMillis(3));
            case SLOW:
                clock.advance(Duration.ofMillis(1200));
                return new ReadyAnswer(true, "Ready", Duration.ofMillis(1200));
            case TIMEOUT:
                clock.advance(timeout);
                throw new BusyException("AllTalk did not answer within 1.5 seconds.", "read timed out", null);
            case REFUSED:
                throw new UnavailableException("Nothing answers at 127.0.0.1:7851.", "Connection refused", null);
            default:
                throw new AllTalkException("AllTalk answered with an error.", "HTTP 500 Internal Server Error", null);
        }
    }

    @Override
    public int inFlight() {
        return inFlight;
    }

    @Override
    public GenerateResult generate(GenerateRequest request) {
        generateCalls.incrementAndGet();
        if (generateFailure != null) {
            throw generateFailure;
        }
        return new GenerateResult(
                URI.create("http://127.0.0.1:7851/audio/t.wav"), null, "t.wav", Duration.ofMillis(400));
    }
}
