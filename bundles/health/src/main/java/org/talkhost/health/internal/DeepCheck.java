package org.talkhost.health.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.client.AllTalkException;
import org.talkhost.api.client.GenerateRequest;

/**
 * The optional deep check: now and then, a tiny generation. Never while a generation is running.
 * Its finding stays until the next deep check.
 */
final class DeepCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DeepCheck.class);
    static final GenerateRequest REQUEST =
            new GenerateRequest("Test.", "", "", "", false, "talkhost_health_check", false, Map.of());

    private final AllTalkClient client;
    private Instant last;
    private Problem problem;

    DeepCheck(AllTalkClient client) {
        this.client = client;
    }

    /** Runs the deep check when it is due and AllTalk is idle; returns its latest finding, or null. */
    Problem maybeRun(Duration every, int inFlight, Instant now) {
        if (every.isZero()) {
            problem = null;
            return null;
        }
        if (last == null) {
            last = now; // first one a full period after the checks began
            return null;
        }
        if (inFlight > 0 || now.isBefore(last.plus(every))) {
            return problem;
        }
        last = now;
        try {
            client.generate(REQUEST);
            problem = null;
            LOG.debug("Deep health check: the test sentence was generated");
        } catch (AllTalkException e) {
            problem = new Problem("deep", e.getMessage(), 0);
            LOG.warn("Deep health check failed: {} ({})", e.getMessage(), e.detail());
        } catch (RuntimeException e) {
            problem = new Problem("deep", "", 0);
            LOG.warn("Deep health check failed", e);
        }
        return problem;
    }
}
