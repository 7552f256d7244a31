package org.talkhost.process.internal;

import java.time.Duration;

import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.Mode;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.Endpoint;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;

/** External mode: never start anything; point the client at host and port and wait for it to answer. */
final class ExternalWait {
    private final Parts p;
    private final StartSequence sequence;

    ExternalWait(Parts parts, StartSequence sequence) {
        this.p = parts;
        this.sequence = sequence;
    }

    RunState run(Attempt a, AllTalkSettings s) {
        ServerAddress address = new ServerAddress(s.host(), Adopter.fallbackPort(s));
        p.client.target(address);
        Duration timeout = p.readyTimeout();
        Supervised sv = new Supervised(Mode.EXTERNAL, address, ServerKind.UNKNOWN, null, false);
        p.board.enter(Phase.STARTING, Mode.EXTERNAL, null, address,
                p.messages.info("external.wait", address, PlainAmounts.duration(timeout)), a.listeners);
        ReadyWaiter.Outcome o = p.waiter().await(sequence.target(sv, Duration.ofSeconds(10)), sequence.say(a),
                a::cancelled);
        if (o.result() == ReadyWaiter.Result.CANCELLED) {
            return p.board.state();
        }
        if (o.result() != ReadyWaiter.Result.READY) {
            return sequence.fail(a, Mode.EXTERNAL, address, "external.failed",
                    p.messages.text("external.failed", address, PlainAmounts.duration(timeout)), true);
        }
        ServerKind kind = ServerKind.UNKNOWN;
        try {
            Endpoint e = p.detector.probe(address.host(), address.port());
            kind = e.isAllTalk() ? e.kind() : ServerKind.UNKNOWN;
        } catch (RuntimeException e) {
            // the kind is a nicety here
        }
        Supervised known = new Supervised(Mode.EXTERNAL, address, kind, null, false);
        p.board.server(known);
        p.log().info("Connected to the external {} on {}", known.words(), address);
        return sequence.ready(a, known, Mode.EXTERNAL, p.messages.info("ready.adopted", known.words(), address));
    }
}
