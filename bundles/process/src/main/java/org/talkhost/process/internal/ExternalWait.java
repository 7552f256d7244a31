package org.talkhost.process.internal;

import static org.talkhost.process.internal.ProcessCatalog.TEXT;

import java.time.Duration;
import java.util.function.Supplier;

import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.Mode;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.AllTalkDetector;
import org.talkhost.api.detection.Endpoint;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.process.Phase;
import org.talkhost.api.process.RunState;

/** External mode: never start anything; point the client at host and port and wait for it to answer. */
final class ExternalWait {
    private final StateAnnouncer state;
    private final Timings timings;
    private final AllTalkClient client;
    private final AllTalkDetector detector;
    private final Supplier<OperationsLog> log;
    private final StartSequence sequence;

    ExternalWait(
            StateAnnouncer state,
            Timings timings,
            AllTalkClient client,
            AllTalkDetector detector,
            Supplier<OperationsLog> log,
            StartSequence sequence) {
        this.state = state;
        this.timings = timings;
        this.client = client;
        this.detector = detector;
        this.log = log;
        this.sequence = sequence;
    }

    RunState run(Attempt a, AllTalkSettings s) {
        ServerAddress address = new ServerAddress(s.host(), Adopter.fallbackPort(s));
        client.target(address);
        Duration timeout = timings.readyTimeout();
        Supervised sv = new Supervised(Mode.EXTERNAL, address, ServerKind.UNKNOWN, null, false);
        state.enter(
                Phase.STARTING,
                Mode.EXTERNAL,
                null,
                address,
                TEXT.info("external.wait", address, PlainAmounts.duration(timeout)),
                a.listeners);
        ReadyWaiter.Outcome o = timings.waiter(client)
                .await(
                        // no estimate: TalkHost cannot know whether an AllTalk it did not start is loading
                        new ReadyWaiter.Target(address, null, timeout, null, sv.words()),
                        sequence.say(a),
                        a::cancelled);
        if (o.result() == ReadyWaiter.Result.CANCELLED) {
            return state.state();
        }
        if (o.result() != ReadyWaiter.Result.READY) {
            return sequence.fail(
                    a,
                    Mode.EXTERNAL,
                    address,
                    "external.failed",
                    TEXT.text("external.failed", address, PlainAmounts.duration(timeout)),
                    true);
        }
        ServerKind kind = ServerKind.UNKNOWN;
        try {
            Endpoint e = detector.probe(address.host(), address.port());
            kind = e.isAllTalk() ? e.kind() : ServerKind.UNKNOWN;
        } catch (RuntimeException e) {
            // the kind is a nicety here
        }
        Supervised known = new Supervised(Mode.EXTERNAL, address, kind, null, false);
        state.server(known);
        log.get().info("Connected to the external {} on {}", known.words(), address);
        return sequence.ready(a, known, Mode.EXTERNAL, TEXT.info("ready.adopted", known.words(), address));
    }
}
