package org.talkhost.health.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.client.AllTalkException;
import org.talkhost.api.client.BusyException;
import org.talkhost.api.client.ReadyAnswer;
import org.talkhost.api.client.UnavailableException;
import org.talkhost.health.internal.ProbeResult.Outcome;

/** One {@code GET /api/ready} through the client, sorted into a {@link ProbeResult}; never throws. */
final class ReadyProbe {
    private final AllTalkClient client;
    private final Clock clock;

    ReadyProbe(AllTalkClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    ProbeResult check(Duration timeout) {
        Instant start = clock.instant();
        try {
            ReadyAnswer a = client.ready(timeout);
            Duration took = a.took() != null ? a.took() : Duration.between(start, clock.instant());
            return a.ready() ? ProbeResult.ready(took) : ProbeResult.notReady(a.body(), took);
        } catch (BusyException e) {
            return failed(Outcome.TIMEOUT, start, e);
        } catch (UnavailableException e) {
            return failed(Outcome.UNREACHABLE, start, e);
        } catch (AllTalkException e) {
            return failed(Outcome.ERROR, start, e);
        } catch (RuntimeException e) {
            return ProbeResult.failed(Outcome.ERROR, Duration.between(start, clock.instant()), "", e.toString());
        }
    }

    private ProbeResult failed(Outcome outcome, Instant start, AllTalkException e) {
        return ProbeResult.failed(outcome, Duration.between(start, clock.instant()), e.getMessage(), e.detail());
    }
}
